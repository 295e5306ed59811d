#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh (pg_dump's custom format) into a database.
#
#   ops/restore.sh FILE [--db CONNECTION] [--clean]
#
# CONNECTION names the database to restore into, in the same forms as ops/backup.sh takes (a URL, the app's
# connection string, or PostgreSQL's PG* variables; $ConnectionStrings__Postgres when set). A database that does not
# exist yet is created. One that already holds the platform's schema is refused, unless --clean is given: then that
# schema (het_initiatief, where all the platform's data is) is dropped first, so the database ends up holding the
# backup's. Drop and restore are one transaction: when the restore fails, the database is as it was before.
# Objects belong to the user who restores (--no-owner): restore as the user the app connects as.
set -euo pipefail
source "$(dirname "$0")/lib/postgres-connection.sh"

schema=het_initiatief
file=""
clean=0
db="${ConnectionStrings__Postgres:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --clean) clean=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "restore.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    *) file="$1"; shift ;;
  esac
done
[ -n "$file" ] || { echo "restore.sh: which backup file? (see --help)" >&2; exit 2; }
[ -f "$file" ] || { echo "restore.sh: no file $file" >&2; exit 2; }

use_connection "$db"
psql=$(pg_tool psql)
name=$(database_name)

maintenance_connection
# psql quotes the name itself (:'name', :"name"), but only in what it reads, not in -c.
exists=$(echo "select 1 from pg_database where datname = :'name'" |
  "$psql" "${maintenance_args[@]}" -XAtq -v ON_ERROR_STOP=1 -v name="$name")
if [ "$exists" != "1" ]; then
  echo "Creating database $name"
  echo 'create database :"name"' | "$psql" "${maintenance_args[@]}" -Xq -v ON_ERROR_STOP=1 -v name="$name"
fi

present=$("$psql" "${connection_args[@]}" -XAtq -v ON_ERROR_STOP=1 \
  -c "select 1 from pg_namespace where nspname = '$schema'")
drop=""
if [ "$present" = "1" ]; then
  if [ "$clean" -ne 1 ]; then
    echo "restore.sh: database $name already holds the platform's data (schema $schema); restore into a new database," \
      "or add --clean to replace it" >&2
    exit 1
  fi
  echo "Replacing schema $schema in $name"
  drop="drop schema $schema cascade;"
fi

# pg_restore writes the backup as SQL and psql runs it, the drop included, as one transaction that stops at the first
# error: a failed restore leaves the database as it was.
{
  # The drop lists every object it takes with it; the operator asked for exactly that.
  echo "set client_min_messages = warning; $drop"
  "$(pg_tool pg_restore)" --no-owner --file=- "$file"
} | "$psql" "${connection_args[@]}" -Xq --single-transaction -v ON_ERROR_STOP=1 >/dev/null
echo "Restored $file into $name"
