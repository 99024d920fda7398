import { mockServices } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { ConfigReader } from '@backstage/config';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';

/**
 * The repository's example tracks (examples/readiness/<name>.yaml) loaded as the backend loads them, every fact
 * source's types known: for service tests that need real tracks without a backend.
 */
export function exampleTrackRegistry(
  names: string[] = ['rag-production-readiness'],
): Promise<TrackRegistry> {
  return TrackRegistry.fromConfig({
    config: new ConfigReader({
      readiness: {
        tracks: names.map(n => `examples/readiness/${n}.yaml`),
      },
    }),
    reader: mockServices.urlReader.mock(),
    knownFactTypes: [
      'catalog.*',
      'evidence.*',
      'deployments.*',
      'runbooks.*',
      'oncall.*',
    ],
    rootDir: targetPaths.rootDir,
  });
}
