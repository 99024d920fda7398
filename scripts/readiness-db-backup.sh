#!/usr/bin/env bash
# Backs up the Readiness plugin's data: its PostgreSQL database (Backstage gives each plugin its own,
# <prefix>readiness, `backstage_plugin_readiness` by default) as one pg_dump archive (custom format).
#
#   scripts/readiness-db-backup.sh <file.dump> [<database>]
#
# Connection: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD (the production image's variables), or
# the usual PGHOST/PGPORT/PGUSER/PGPASSWORD. The database defaults to backstage_plugin_readiness (set
# READINESS_DATABASE or pass it when backend.database.prefix differs). The portal keeps running: pg_dump reads one
# consistent snapshot.
set -euo pipefail
out=${1:?usage: readiness-db-backup.sh <file.dump> [<database>]}
# shellcheck source=lib/readiness-db.sh
source "$(dirname "$0")/lib/readiness-db.sh"
pg_dump --format=custom --no-owner --no-privileges --dbname="$database" --file="$out"
tables=$(pg_restore --list "$out" | grep -c ' TABLE DATA ' || true)
echo "backed up $database to $out ($tables tables with data, $(stat -c %s "$out") bytes)"
