#!/usr/bin/env node
// Turns src/schema/openapi.yaml (the contract) into src/schema/openapi.generated.ts, an `as const` module
// that createValidatedOpenApiRouter types its handlers from. Backstage's own generator needs a Java tool this
// project cannot download, so this stands in for it. `--check` fails when the module is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';

const dir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'schema',
);
const commonDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'readiness-common',
  'src',
  'schema',
);

export function renderOpenApiModule(yamlText) {
  const spec = parse(yamlText);
  return [
    '// This file is generated from openapi.yaml by scripts/generate-openapi-module.mjs. Do not edit it by hand;',
    '// run `npm run generate:openapi --workspace @readiness-io/plugin-readiness-backend` after changing the YAML.',
    '/* eslint-disable */',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

/** The operations (id → method and path template) for the client in readiness-common. */
export function renderOperationsModule(yamlText) {
  const spec = parse(yamlText);
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations[operation.operationId] = {
        method: method.toUpperCase(),
        path,
      };
    }
  }
  return [
    '// This file is generated from plugins/readiness-backend/src/schema/openapi.yaml by',
    '// plugins/readiness-backend/scripts/generate-openapi-module.mjs. Do not edit it by hand.',
    '/* eslint-disable */',
    '',
    '/** The Readiness API operations, from its OpenAPI spec. @public */',
    `export const readinessOperations = ${JSON.stringify(
      operations,
      null,
      2,
    )} as const;`,
    '',
  ].join('\n');
}

/**
 * The wire types (`paths`, `components`, `operations`) for readiness-common, generated from the spec with
 * openapi-typescript: the one source of the types the backend, the client, the frontend and the CLI use.
 */
export async function renderTypesModule(yamlText) {
  const ast = await openapiTS(parse(yamlText), {
    exportType: false,
    alphabetize: true,
  });
  return [
    '// This file is generated from plugins/readiness-backend/src/schema/openapi.yaml by',
    '// plugins/readiness-backend/scripts/generate-openapi-module.mjs (openapi-typescript). Do not edit it by hand.',
    '/* eslint-disable */',
    "import type { JsonValue as BackstageJsonValue } from '@backstage/types';",
    '',
    astToString(ast)
      // The spec's JsonValue (any JSON) is Backstage's JsonValue, not `unknown`.
      .replace(
        /^(\s+)JsonValue: unknown;$/m,
        '$1JsonValue: BackstageJsonValue;',
      )
      // TSDoc has no @enum tag (the union says it) and no @description tag (the description is the comment), and
      // braces in a comment must be escaped.
      .replace(/^\s+\/\*\* @enum \{\w+\} \*\/\n/gm, '')
      .replace(/^\s+\* @enum \{\w+\}\n/gm, '')
      .replace(/^(\s+\/?\*.*)$/gm, line => line.replace(/([{}])/g, '\\$1'))
      .replace(/\/\*\* @description /g, '/** ')
      .replace(/^(\s+)\* @description /gm, '$1* ')
      // API reports need a release tag on every exported declaration.
      .replace(
        /^export (interface|type) (\w+)/gm,
        '/** @public */\nexport $1 $2',
      ),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const yamlText = readFileSync(join(dir, 'openapi.yaml'), 'utf8');
  const outputs = [
    [
      join(commonDir, 'openapi.generated.ts'),
      await renderTypesModule(yamlText),
    ],
    [join(dir, 'openapi.generated.ts'), renderOpenApiModule(yamlText)],
    [
      join(commonDir, 'operations.generated.ts'),
      renderOperationsModule(yamlText),
    ],
  ];
  let stale = false;
  for (const [target, rendered] of outputs) {
    if (process.argv.includes('--check')) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
      if (current !== rendered) {
        console.error(
          `${target} is out of date with openapi.yaml; run scripts/generate-openapi-module.mjs`,
        );
        stale = true;
      }
    } else {
      writeFileSync(target, rendered);
      console.log(`wrote ${target}`);
    }
  }
  if (stale) process.exit(1);
  if (process.argv.includes('--check'))
    console.log('generated modules are up to date');
}
