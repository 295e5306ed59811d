#!/usr/bin/env bash
# Backs up the platform's database with pg_dump in its custom format (compressed; pg_restore can restore all of it or
# parts), to a file named after the moment it was made. Prints the file's path as its last line.
#
#   ops/backup.sh [--db CONNECTION] [--out FOLDER]
#
# CONNECTION is a URL (postgresql://user:password@host:port/database), or the app's own connection string
# (Host=…;Port=…;Username=…;Password=…;Database=…). Without --db the script uses $ConnectionStrings__Postgres when
# set, else PostgreSQL's standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGDATABASE).
# FOLDER defaults to $BACKUP_DIR, else the current folder.
set -euo pipefail
source "$(dirname "$0")/lib/postgres-connection.sh"

out="${BACKUP_DIR:-.}"
db="${ConnectionStrings__Postgres:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

use_connection "$db"
mkdir -p "$out"
# UTC, so backups made on machines in different time zones sort in the order they were made.
file="$out/het-initiatief-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under a temporary name first: a backup that was cut short never looks like a complete one.
"$(pg_tool pg_dump)" --format=custom --file="$file.partial" "${connection_args[@]}"
mv "$file.partial" "$file"
echo "$file"
