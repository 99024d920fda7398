// The backend bench:deployments loads: the real backend in a child process (so the load tool does not share its
// event loop), on the database the bench chose.
import net from 'node:net';
import path from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { targetPaths } from '@backstage/cli-common';
import readinessPlugin from '../../src';

/** The static token the bench authenticates with. */
export const TOKEN = 'bench-ci-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type DbSettings = { databaseConfig: object; countConnection?: object };

/** Child process: the backend, so the load tool does not share its event loop. Prints READY when it serves. */
export async function serve(
  port: number,
  databaseConfig: object,
  options: { locations?: string[]; tracks?: string[] } = {},
) {
  const base = `http://127.0.0.1:${port}`;
  const backend = createBackend();
  backend.add(catalogPlugin);
  backend.add(readinessPlugin);
  backend.add(mockServices.rootLogger.factory({ level: 'error' }));
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: base,
          listen: { port, host: '127.0.0.1' },
          database: databaseConfig,
          auth: {
            externalAccess: [
              { type: 'static', options: { token: TOKEN, subject: 'ci' } },
            ],
          },
        },
        catalog: {
          rules: [
            {
              allow: [
                'Component',
                'System',
                'Domain',
                'API',
                'Resource',
                'Location',
                'Group',
                'User',
              ],
            },
          ],
          processingInterval: { seconds: 1 },
          locations: (
            options.locations ?? [
              path.join(targetPaths.rootDir, 'catalog-info.yaml'),
            ]
          ).map(target => ({ type: 'file', target })),
        },
        readiness: {
          tracks: options.tracks ?? [
            path.join(
              targetPaths.rootDir,
              'examples/readiness/rag-production-readiness.yaml',
            ),
          ],
        },
      },
    }),
  );
  await backend.start();
  process.send?.('READY');
  process.on('message', async m => {
    if (m === 'STOP') {
      await backend.stop();
      process.exit(0);
    }
  });
}
