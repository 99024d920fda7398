#!/usr/bin/env bash
# Installs the production build into a folder, as the image does:
#   scripts/install-production.sh <target-dir> [<source-dir>]
# <source-dir> (default: the repository) holds packages/backend/dist/{skeleton,bundle}.tar.gz (from
# scripts/build-production.sh), package-lock.json and .npmrc. The skeleton and the lock file are installed first
# (`npm ci --omit=dev`: production dependencies only, the tested versions), then the bundle is unpacked over them.
# Start it from <target-dir> with:
#   node --require ./instrumentation.js packages/backend --config app-config.yaml --config app-config.production.yaml
# (instrumentation.js exports every plugin's metrics for Prometheus on :9464/metrics; METRICS_PORT=off leaves it out).
set -euo pipefail
target=${1:?usage: install-production.sh <target-dir> [<source-dir>]}
source=${2:-$(cd "$(dirname "$0")/.." && pwd)}
mkdir -p "$target"
cd "$target"
tar xzf "$source/packages/backend/dist/skeleton.tar.gz"
# The workspace root's package.json travels in the bundle.
tar xzf "$source/packages/backend/dist/bundle.tar.gz" package.json
cp "$source/package-lock.json" "$source/.npmrc" .
npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error
tar xzf "$source/packages/backend/dist/bundle.tar.gz"
# The image copies it in its own stage; a folder install takes it from the source tree.
if [ -f "$source/packages/backend/src/instrumentation.js" ]; then
  cp "$source/packages/backend/src/instrumentation.js" .
fi
# The bundle carries the empty yarn.lock the build needed; npm installed from package-lock.json.
rm -f yarn.lock
