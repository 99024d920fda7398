import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { fileLocationsFromConfig, repoRoot } from '../catalog/exampleCatalog';

/** The static token tests call the portal with (as CI would). */
export const ciToken = 'test-ci-token-0123456789abcdef';

/** A free TCP port on loopback. */
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

/** Where the rag-environment template publishes environments in these tests (the catalog reads it). */
export const environmentsDir = fs.mkdtempSync(
  path.join(os.tmpdir(), 'portal-environments-'),
);

/** The portal's own app-config.yaml, on a free port, SQLite in memory, and a static token to call it with. */
export function portalConfig(port: number) {
  const configFile = path.join(repoRoot, 'app-config.yaml');
  const config = parse(fs.readFileSync(configFile, 'utf8'));
  config.catalog.locations = [
    ...fileLocationsFromConfig(configFile).map(target => ({
      type: 'file',
      target,
    })),
    { type: 'file', target: `${environmentsDir}/*/catalog-info.yaml` },
  ];
  config.catalog.processingInterval = { seconds: 2 };
  config.readiness.environments.directory = environmentsDir;
  config.backend.baseUrl = `http://127.0.0.1:${port}`;
  config.backend.listen = { port, host: '127.0.0.1' };
  config.backend.database = {
    client: 'better-sqlite3',
    connection: ':memory:',
  };
  // Long-polls on the events bus end quickly, so stopping the backend does not wait for them.
  config.events = { notifyTimeoutMs: 1000 };
  config.readiness.demo.seed = false;
  config.backend.auth = {
    externalAccess: [
      { type: 'static', options: { token: ciToken, subject: 'backend-test' } },
    ],
  };
  return config;
}
