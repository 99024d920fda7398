#!/usr/bin/env bash
# Restores a backup made by readiness-db-backup.sh into a database (created when missing; tables in it that the
# backup holds are replaced). Stop the portal's backends first when restoring over the live database.
#
#   scripts/readiness-db-restore.sh <file.dump> [<database>]
#
# Connection and database as for readiness-db-backup.sh. Restoring into another name (e.g.
# backstage_plugin_readiness_copy) gives a copy to rehearse an upgrade or a rollback on.
set -euo pipefail
in=${1:?usage: readiness-db-restore.sh <file.dump> [<database>]}
database=${2:-${READINESS_DATABASE:-backstage_plugin_readiness}}
if ! [[ $database =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; then
  echo "readiness-db: '$database' is not a database name (letters, digits and _)" >&2
  exit 2
fi
export PGHOST=${POSTGRES_HOST:-${PGHOST:-localhost}}
export PGPORT=${POSTGRES_PORT:-${PGPORT:-5432}}
export PGUSER=${POSTGRES_USER:-${PGUSER:-postgres}}
if [ -n "${POSTGRES_PASSWORD:-}" ]; then export PGPASSWORD=$POSTGRES_PASSWORD; fi
[ -r "$in" ] || { echo "readiness-db-restore: cannot read $in" >&2; exit 2; }
if ! psql --dbname=postgres --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  createdb "$database"
fi
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$database" "$in"
echo "restored $in into $database"
