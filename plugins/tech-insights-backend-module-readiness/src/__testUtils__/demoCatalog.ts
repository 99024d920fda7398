import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { targetPaths } from '@backstage/cli-common';
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** The demo catalog from examples/, as the catalog would serve it (with its dependsOn relations). */
export function demoCatalog(): Entity[] {
  const dir = path.join(targetPaths.rootDir, 'examples');
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map(d => d.toJSON() as Entity))
    .map(e => ({
      ...e,
      metadata: { namespace: 'default', ...e.metadata },
      relations: ((e.spec?.dependsOn as string[]) ?? []).map(ref => ({ type: 'dependsOn', targetRef: stringifyEntityRef(parseEntityRef(ref)) })),
    }));
}
