import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { targetPaths } from '@backstage/cli-common';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The demo catalog for this repository's tests (`@internal/readiness-demo-catalog`).
 *
 * @packageDocumentation
 */

/**
 * The demo catalog from examples/, as the catalog serves it: with the dependsOn relations it would add and the
 * location it was read from (relative annotations such as runbooks and on-call resolve against it).
 *
 * @public
 */
export function demoEntities(): Entity[] {
  const dir = path.join(targetPaths.rootDir, 'examples');
  const entities = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f =>
      parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map(d => {
        const entity = d.toJSON() as Entity;
        // Where the catalog would say it came from: relative annotations (runbooks, on-call) resolve against it.
        entity.metadata.annotations = {
          'backstage.io/managed-by-location': `file:${path.join(dir, f)}`,
          ...entity.metadata.annotations,
        };
        return entity;
      }),
    );
  return entities.map(e => ({
    ...e,
    metadata: { namespace: 'default', ...e.metadata },
    relations: ((e.spec?.dependsOn as string[]) ?? []).map(ref => ({
      type: 'dependsOn',
      targetRef: stringifyEntityRef(parseEntityRef(ref)),
    })),
  }));
}
