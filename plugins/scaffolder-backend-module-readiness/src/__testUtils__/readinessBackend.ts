import path from 'node:path';
import {
  AuthService,
  coreServices,
  createBackendModule,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { targetPaths } from '@backstage/cli-common';
// The actions are tested against the real readiness backend, not a stand-in.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness-io/plugin-readiness-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { demoEntities } from '@internal/readiness-demo-catalog';
import { createServiceReadinessClient } from '@readiness-io/plugin-readiness-node';

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
  const entities = demoEntities();
  await startTestBackend({
    features: [
      readinessPlugin,
      capture,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            tracks: ['rag-production-readiness', 'service-baseline'].map(t =>
              path.join(targetPaths.rootDir, 'examples/readiness', `${t}.yaml`),
            ),
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
