# Shared by ops/backup.sh and ops/restore.sh: turns the connection the operator gave into what PostgreSQL's own tools
# take, and finds those tools.

# The client tools of the newest installed PostgreSQL: a dump must be made with a pg_dump at least as new as the server.
pg_tool() {
  local bin
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/$1" ]; then
    bin="$(pg_config --bindir)/$1"
  else
    bin=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)
  fi
  echo "${bin:-$1}"
}

# Sets connection_args (for pg_dump/pg_restore/psql) from a URL or a connection string of the app (Npgsql's
# Key=Value;… form, as in ConnectionStrings__Postgres); empty means PostgreSQL's own PG* variables. The password goes
# into PGPASSWORD, not onto the command line, where other users could read it in the process list.
use_connection() {
  connection_args=()
  local given="$1"
  case "$given" in
    "") ;;
    postgres://*|postgresql://*) connection_args=(--dbname="$given") ;;
    *)
      local pair key value
      IFS=';' read -ra pairs <<< "$given"
      for pair in "${pairs[@]}"; do
        [ -n "${pair// /}" ] || continue
        key=$(echo "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
        value="${pair#*=}"
        case "$key" in
          host|server) export PGHOST="$value" ;;
          port) export PGPORT="$value" ;;
          username|userid|user) export PGUSER="$value" ;;
          password) export PGPASSWORD="$value" ;;
          database|db) export PGDATABASE="$value" ;;
          # Npgsql spells them VerifyCA and VerifyFull, libpq verify-ca and verify-full.
          sslmode) export PGSSLMODE="$(echo "$value" | tr '[:upper:]' '[:lower:]' | sed 's/^verify/verify-/')" ;;
          *) ;; # Pool sizes, timeouts and the like mean nothing to pg_dump.
        esac
      done
      ;;
  esac
}

# The database the connection names, and maintenance_args: the same connection to the server's "postgres" database,
# from where a missing database can be created.
database_name() {
  if [ ${#connection_args[@]} -gt 0 ]; then
    local url="${connection_args[0]#--dbname=}"
    url="${url%%\?*}"
    echo "${url##*/}"
  else
    echo "${PGDATABASE:-${PGUSER:-$(id -un)}}"
  fi
}

maintenance_connection() {
  if [ ${#connection_args[@]} -gt 0 ]; then
    local url="${connection_args[0]#--dbname=}" query=""
    case "$url" in *\?*) query="?${url#*\?}"; url="${url%%\?*}" ;; esac
    maintenance_args=(--dbname="${url%/*}/postgres$query")
  else
    maintenance_args=(--dbname=postgres)
  fi
}
