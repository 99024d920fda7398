#!/usr/bin/env bash
# Builds the portal for production, with npm:
#   1. type declarations (tsc), then every plugin package built and packed (dist/ and dist-packs/*.tgz: the same
#      tarballs e2e/consumer.mjs installs elsewhere),
#   2. the app (packages/app/dist, served by the backend through @backstage/plugin-app-backend),
#   3. the backend's production archives, packages/backend/dist/skeleton.tar.gz (every package.json, for a cached
#      dependency layer) and bundle.tar.gz (the built workspace packages and the app), with `backstage-cli package
#      build --skip-build-dependencies`.
# Why this way: Backstage's own packaging stays in charge (its dist workspace, config schemas, production pack of
# our packages, the skeleton); only its two yarn assumptions are replaced. It would build the app with `yarn run
# build` (we build the dependencies ourselves, step 1 and 2) and it copies the root yarn.lock into the bundle (an
# empty one is created for the build and removed again; scripts/install-production.sh installs from the
# repository's package-lock.json with `npm ci --omit=dev`, so production runs exactly the versions the tests ran).
# Used by the Dockerfile's build stage and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

created_lock=0
cleanup() { [ "$created_lock" = 1 ] && rm -f yarn.lock; }
trap cleanup EXIT

step() { printf '\n--- %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

step "plugin packages: build and pack"
node scripts/pack-plugins.mjs dist-packs

step "app"
(cd packages/app && npx backstage-cli package build)

step "backend skeleton and bundle"
if [ ! -e yarn.lock ]; then
  : > yarn.lock
  created_lock=1
fi
(cd packages/backend && npx backstage-cli package build --skip-build-dependencies)
ls -l packages/backend/dist/skeleton.tar.gz packages/backend/dist/bundle.tar.gz
