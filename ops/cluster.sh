#!/usr/bin/env bash
# Runs Het Initiatief as a cluster on this machine's loopback: PostgreSQL, redis-server, N app nodes (Production mode,
# Wolverine's Balanced durability, SignalR over Redis) and nginx in front, with the nginx configuration that
# docs/operations.md recommends. Prints the address, and stops everything on Ctrl-C (or SIGTERM).
#
#   ops/cluster.sh [--nodes 3] [--port 8080] [--app path/to/HetInitiatief.Web.dll] [--run-dir DIR] [--watch-pid PID]
#
# PostgreSQL: the one in ConnectionStrings__Postgres when set, else one of its own whose data is kept in
# ${XDG_DATA_HOME:-~/.local/share}/het-initiatief/cluster-postgres (as root: /var/lib/het-initiatief/cluster-postgres).
# Without --app the app is built in Release first. Any other setting (Mail__*, RateLimits__*, …) is passed to every
# node from the environment. --watch-pid stops the cluster when that process ends (the tests use it).
# The run directory holds the logs (node-1.log, …, nginx-error.log, redis.log) and `nodes`: name, port, pid per line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nodes=3 port=8080 app="" run="" watch=""
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --app) app=$(realpath "$2"); shift 2 ;;
    --run-dir) run=$2; shift 2 ;;
    --watch-pid) watch=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ops/install-prerequisites.sh
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
run=${run:-$(mktemp -d "${TMPDIR:-/tmp}/het-initiatief-cluster.XXXXXX")}
mkdir -p "$run"
run=$(realpath "$run")
: > "$run/nodes"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pids=() pg_data="" pg_bin=""
stop() {
  # A second Ctrl-C (or a supervisor's repeated SIGTERM) must not cut the clean-up short.
  trap '' INT TERM
  trap - EXIT
  echo "Stopping the cluster"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pg_data" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  pg_bin=$(pg_config --bindir)
  if [ "$(id -u)" -eq 0 ]; then pg_data=/var/lib/het-initiatief/cluster-postgres
  else pg_data=${XDG_DATA_HOME:-$HOME/.local/share}/het-initiatief/cluster-postgres; fi
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_data"
  chmod 700 "$pg_data"
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    password=$(openssl rand -hex 16)
    printf '%s\n' "$password" > "$run/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$run/pwfile"
    as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A scram-sha-256 --pwfile="$run/pwfile" >/dev/null
    rm -f "$run/pwfile"
    # Kept with the data, readable by its owner only, like the app's own PostgreSQL keeps it.
    printf '%s\n' "$password" | as_postgres tee "$pg_data/het-initiatief.password" >/dev/null
    as_postgres chmod 600 "$pg_data/het-initiatief.password"
  fi
  password=$(as_postgres cat "$pg_data/het-initiatief.password")
  pg_port=$(free_port)
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/server.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
  PGPASSWORD=$password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc \
    "select 1 from pg_database where datname = 'het_initiatief'" | grep -q 1 ||
    PGPASSWORD=$password "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres het_initiatief
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=het_initiatief"
fi

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$run" \
  --logfile "$run/redis.log" &
pids+=($!)

if [ -z "$app" ]; then
  dotnet build src/HetInitiatief.Web -c Release -v quiet -nologo >/dev/null
  app=$root/src/HetInitiatief.Web/bin/Release/net10.0/HetInitiatief.Web.dll
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Platform__BaseUrl=${Platform__BaseUrl:-http://127.0.0.1:$port}
export AllowedHosts=${AllowedHosts:-127.0.0.1;localhost}
export Platform__KnownProxies=127.0.0.1
export ConnectionStrings__Redis=127.0.0.1:$redis_port
export Platform__Durability=Balanced

# The schema is a deploy step in Production: applied once, before any node starts (docs/operations.md).
(cd "$(dirname "$app")" && dotnet "$app" db-apply > "$run/db-apply.log" 2>&1) ||
  { echo "db-apply failed, see $run/db-apply.log" >&2; exit 1; }

upstreams=""
for i in $(seq 1 "$nodes"); do
  node_port=$(free_port)
  (cd "$(dirname "$app")" && Platform__NodeName=node-$i ASPNETCORE_URLS=http://127.0.0.1:$node_port \
    exec dotnet "$app") > "$run/node-$i.log" 2>&1 &
  pids+=($!)
  echo "node-$i $node_port $!" >> "$run/nodes"
  upstreams+="server 127.0.0.1:$node_port;"$'\n    '
done

while read -r name node_port pid; do
  for attempt in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$node_port/health/ready" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped, see $run/$name.log" >&2; exit 1; }
    [ "$attempt" -eq 240 ] && { echo "$name did not become ready, see $run/$name.log" >&2; exit 1; }
    sleep 0.5
  done
done < "$run/nodes"

site=$(cat ops/nginx/het-initiatief.conf)
site=${site//__LISTEN__/127.0.0.1:$port}
printf '%s\n' "${site//__UPSTREAM_SERVERS__/$upstreams}" > "$run/het-initiatief.conf"
mkdir -p "$run/nginx-temp"
cat > "$run/nginx.conf" <<EOF
daemon off;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
$([ "$(id -u)" -eq 0 ] && echo "user root;")
worker_processes 1;
events { worker_connections 4096; }
http {
    access_log $run/nginx-access.log;
    client_body_temp_path $run/nginx-temp/body;
    proxy_temp_path $run/nginx-temp/proxy;
    fastcgi_temp_path $run/nginx-temp/fastcgi;
    uwsgi_temp_path $run/nginx-temp/uwsgi;
    scgi_temp_path $run/nginx-temp/scgi;
    include $run/het-initiatief.conf;
}
EOF
"$nginx_bin" -c "$run/nginx.conf" -p "$run" &
pids+=($!)
for attempt in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/health/live" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "nginx stopped, see $run/nginx-error.log" >&2; exit 1; }
  sleep 0.2
done

echo "Het Initiatief runs on http://127.0.0.1:$port ($nodes nodes; logs in $run). Ctrl-C stops it."
echo "ready"
if [ -n "$watch" ]; then
  while kill -0 "$watch" 2>/dev/null; do sleep 1; done
else
  wait "${pids[0]}"
fi
