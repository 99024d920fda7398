# Sourced by readiness-db-backup.sh and readiness-db-restore.sh: the database to work on ($database, from the
# second argument, READINESS_DATABASE or backstage_plugin_readiness), checked to be a plain name, and the PostgreSQL
# connection from the image's POSTGRES_* variables (or the usual PG*).
database=${2:-${READINESS_DATABASE:-backstage_plugin_readiness}}
if ! [[ $database =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; then
  echo "readiness-db: '$database' is not a database name (letters, digits and _)" >&2
  exit 2
fi
export PGHOST=${POSTGRES_HOST:-${PGHOST:-localhost}}
export PGPORT=${POSTGRES_PORT:-${PGPORT:-5432}}
export PGUSER=${POSTGRES_USER:-${PGUSER:-postgres}}
if [ -n "${POSTGRES_PASSWORD:-}" ]; then export PGPASSWORD=$POSTGRES_PASSWORD; fi
