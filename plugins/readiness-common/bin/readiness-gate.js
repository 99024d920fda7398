#!/usr/bin/env node
/*
 * readiness-gate: a CI promotion gate. Asks the Readiness backend whether an entity passes a gate; `preview`
 * prints what a track change would do to the catalog (Markdown for a pull-request comment).
 *
 *   readiness-gate --entity component:default/rag-api --track rag-production-readiness --gate deployment-prepared
 *   readiness-gate preview examples/readiness/rag-production-readiness.yaml --max-newly-failing 0
 *
 * Environment: READINESS_BASE_URL (the Backstage backend, e.g. https://portal.example.com) and READINESS_TOKEN
 * (a static token from backend.auth.externalAccess). Exit code: 0 passed, 1 not passed, 2 error.
 *
 * Inside this repository it runs the TypeScript source (through Backstage's node transform); installed from the
 * package, the built dist.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const source = path.resolve(__dirname, '../src');
let cli;
if (fs.existsSync(source)) {
  require('@backstage/cli/config/nodeTransform.cjs');
  cli = require('../src/cli/readinessGate');
} else {
  cli = require('..');
}

const out = {
  log: text => process.stdout.write(`${text}\n`),
  error: text => process.stderr.write(`${text}\n`),
};
// exitCode rather than exit(): lets a piped stdout drain before the process ends.
cli
  .runReadinessGate(process.argv.slice(2), process.env, {
    ...out,
    readFile: file => fs.promises.readFile(file, 'utf8'),
  })
  .then(
    code => {
      process.exitCode = code;
    },
    error => {
      out.error(`readiness-gate: ${error.stack || error}`);
      process.exitCode = 2;
    },
  );
