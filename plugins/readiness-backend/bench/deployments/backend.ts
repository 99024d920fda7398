// The backend bench:deployments loads: the real backend in a child process (so the load tool does not share its
// event loop), on the database the bench chose.
import { ChildProcess, fork } from 'node:child_process';
import net from 'node:net';
import knexFactory from 'knex';
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

/**
 * The database a bench's backend runs on: a new PostgreSQL database named `<name>_<time>` when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (one schema per plugin), SQLite in memory otherwise.
 * `drop()` removes it afterwards.
 */
export async function benchDatabase(
  name: string,
): Promise<DbSettings & { postgres: boolean; drop(): Promise<void> }> {
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pg) {
    return {
      postgres: false,
      databaseConfig: { client: 'better-sqlite3', connection: ':memory:' },
      drop: async () => {},
    };
  }
  const database = `${name}_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: pg });
  await admin.raw(`CREATE DATABASE ${database}`);
  const url = new URL(pg);
  const connection = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
  };
  return {
    postgres: true,
    databaseConfig: { client: 'pg', connection, pluginDivisionMode: 'schema' },
    countConnection: connection,
    async drop() {
      await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** Child process: the backend, so the load tool does not share its event loop. Prints READY when it serves. */
export async function serve(
  port: number,
  databaseConfig: object,
  options: {
    locations?: string[];
    tracks?: string[];
    /** More of the readiness config (campaigns, evaluation). */
    readiness?: object;
  } = {},
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
                // The root catalog-info.yaml registers the scaffolder templates too: a rule refusing them fails the
                // whole location.
                'Template',
              ],
            },
          ],
          // New locations are read at once whatever the interval; re-reading every entity each second (as this said
          // before) kept the catalog busy for the whole run and measured that instead of the routes.
          processingInterval: { minutes: 10 },
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
          ...options.readiness,
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

/**
 * Starts a bench's backend: `file` run again with `serve` and `args` in a child process (BENCH_PROFILE=<dir> writes a
 * CPU profile of it there); resolves once it serves.
 */
export async function forkBackend(
  file: string,
  args: string[],
): Promise<ChildProcess> {
  const child = fork(file, ['serve', ...args], {
    stdio: 'inherit',
    // Node's options of the bench (the image's young-generation size, see scripts/bench.mjs), and a profile if asked.
    execArgv: [
      ...process.execArgv,
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', code =>
      reject(new Error(`the backend exited (${code})`)),
    );
  });
  return child;
}
