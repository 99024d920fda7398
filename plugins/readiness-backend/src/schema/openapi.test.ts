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
      '@internal/plugin-readiness-common',
    );
    const expected: Record<string, { method: string; path: string }> = {};
    for (const [p, item] of Object.entries<any>(yaml.paths)) {
      for (const [method, op] of Object.entries<any>(item))
        expected[op.operationId] = { method: method.toUpperCase(), path: p };
    }
    expect(readinessOperations).toEqual(expected);
  });
});
