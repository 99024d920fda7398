import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { AuthService, coreServices, createBackendModule, DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { targetPaths } from '@backstage/cli-common';
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
// The actions are tested against the real readiness backend, not a stand-in.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@internal/plugin-readiness-backend';
import { createServiceReadinessClient } from '@internal/plugin-readiness-node';

/** The demo catalog from examples/, as the catalog serves it (with its dependsOn relations). */
export function demoCatalogEntities(): Entity[] {
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

/**
 * The readiness backend on the demo catalog with the demo evidence (rag-api blocked by OIDC login), the catalog
 * the actions read, and a readiness client authenticated as a backend service.
 */
export async function startReadinessForActions() {
  let services: { discovery: DiscoveryService; auth: AuthService } | undefined;
  const capture = createBackendModule({
    pluginId: 'readiness',
    moduleId: 'test-services',
    register(reg) {
      reg.registerInit({
        deps: { discovery: coreServices.discovery, auth: coreServices.auth },
        async init(deps) {
          services = deps;
        },
      });
    },
  });
  const entities = demoCatalogEntities();
  await startTestBackend({
    features: [
      readinessPlugin,
      capture,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            tracks: ['rag-production-readiness', 'service-baseline'].map(t => path.join(targetPaths.rootDir, 'examples/readiness', `${t}.yaml`)),
            demo: { seed: true },
          },
        },
      }),
    ],
  });
  const { discovery, auth } = services!;
  return {
    readiness: createServiceReadinessClient(discovery, auth),
    catalog: catalogServiceMock({ entities }),
    entities,
    auth,
  };
}
