import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { targetPaths } from '@backstage/cli-common';
import { Entity } from '@backstage/catalog-model';
import { readinessPlugin } from '../plugin';
import { demoEntities } from '@internal/readiness-demo-catalog';

/** The example tracks the repository ships. */
export const exampleTracks = ['rag-production-readiness', 'service-baseline'];

/**
 * Starts the readiness plugin in a test backend over the demo catalog, with the given example tracks and any
 * extra features (service overrides).
 */
export async function startReadinessBackend(
  options: {
    tracks?: string[];
    features?: any[];
    readinessConfig?: object;
    /** More configuration beside `readiness` (e.g. `backend.actions`). */
    config?: object;
    extraEntities?: Entity[];
  } = {},
) {
  const tracks = (options.tracks ?? exampleTracks).map(t =>
    path.join(targetPaths.rootDir, 'examples/readiness', `${t}.yaml`),
  );
  return startTestBackend({
    features: [
      readinessPlugin,
      catalogServiceMock.factory({
        entities: [...demoEntities(), ...(options.extraEntities ?? [])],
      }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          readiness: { tracks, ...options.readinessConfig },
        },
      }),
      ...(options.features ?? []),
    ],
  });
}
