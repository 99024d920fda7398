import SwaggerParser from '@apidevtools/swagger-parser';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run `npm run generate:openapi` in the plugin after editing the YAML)', () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });
});

describe('readiness-common operations.generated.ts', () => {
  it('matches openapi.yaml', () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    const { readinessOperations } = jest.requireActual(
      '@readiness-io/plugin-readiness-common',
    );
    const expected: Record<string, { method: string; path: string }> = {};
    for (const [p, item] of Object.entries<any>(yaml.paths)) {
      for (const [method, op] of Object.entries<any>(item))
        expected[op.operationId] = { method: method.toUpperCase(), path: p };
    }
    expect(readinessOperations).toEqual(expected);
  });
});

describe('readiness-common openapi.generated.ts (the wire types)', () => {
  it('is what openapi-typescript makes of openapi.yaml now', () => {
    // Exits non-zero, naming the stale file, when any generated module differs from what the YAML gives.
    const out = execFileSync(
      process.execPath,
      [
        path.join(__dirname, '../../scripts/generate-openapi-module.mjs'),
        '--check',
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain('generated modules are up to date');
  });
});

describe('openapi.yaml', () => {
  it('is a valid OpenAPI document (the request validator refuses every request otherwise)', async () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    await expect(SwaggerParser.validate(yaml)).resolves.toBeDefined();
  });
});
