#!/usr/bin/env node
// Turns src/schema/openapi.yaml (the contract) into src/schema/openapi.generated.ts, an `as const` module
// that createValidatedOpenApiRouter types its handlers from. Backstage's own generator needs a Java tool this
// project cannot download, so this stands in for it. `--check` fails when the module is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'schema');

export function renderOpenApiModule(yamlText) {
  const spec = parse(yamlText);
  return [
    '// This file is generated from openapi.yaml by scripts/generate-openapi-module.mjs. Do not edit it by hand;',
    '// run `npm run generate:openapi --workspace @internal/plugin-readiness-backend` after changing the YAML.',
    '/* eslint-disable */',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rendered = renderOpenApiModule(readFileSync(join(dir, 'openapi.yaml'), 'utf8'));
  const target = join(dir, 'openapi.generated.ts');
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== rendered) {
      console.error(`${target} is out of date with openapi.yaml; run scripts/generate-openapi-module.mjs`);
      process.exit(1);
    }
    console.log('openapi.generated.ts is up to date');
  } else {
    writeFileSync(target, rendered);
    console.log(`wrote ${target}`);
  }
}
