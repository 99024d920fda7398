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
# shellcheck source=lib/readiness-db.sh
source "$(dirname "$0")/lib/readiness-db.sh"
[ -r "$in" ] || { echo "readiness-db-restore: cannot read $in" >&2; exit 2; }
if ! psql --dbname=postgres --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  createdb "$database"
fi
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$database" "$in"
echo "restored $in into $database"
