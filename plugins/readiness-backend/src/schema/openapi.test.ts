import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run `npm run generate:openapi` in the plugin after editing the YAML)', () => {
    const yaml = parse(fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(spec).toEqual(yaml);
  });
});
