// What the e2e scripts that run the production install share (production.mjs, replicas.mjs, soak.mjs): its
// environment, the backend process started as the image starts it, and the run's own PostgreSQL databases.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The environment of a production backend: NODE_ENV=production, the variables app-config.production.yaml reads, and
 * `prefix` for databases of this run only (dropped at the end), so a run starts from nothing on any PostgreSQL.
 * PostgreSQL's connection comes from POSTGRES_HOST, POSTGRES_PORT (5432), POSTGRES_USER and POSTGRES_PASSWORD.
 */
export function productionEnv({ dir, prefix, baseUrl, token, oidcClientId }) {
  if (!existsSync(join(dir, 'packages/backend/dist/index.cjs.js')))
    throw new Error(
      `no production install in ${dir} (scripts/install-production.sh)`,
    );
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    APP_BASE_URL: baseUrl,
    READINESS_CI_TOKEN: token,
    AUTH_SESSION_SECRET: 'a-session-secret-shared-by-every-replica',
    OIDC_CLIENT_ID: oidcClientId,
    APP_CONFIG_backend_database_prefix: prefix,
  };
  for (const name of ['POSTGRES_HOST', 'POSTGRES_USER', 'POSTGRES_PASSWORD'])
    if (!env[name]) throw new Error(`${name} is not set`);
  env.POSTGRES_PORT ??= '5432';
  return env;
}

/**
 * One backend process of the production install, started as the image starts it (`node --require
 * ./instrumentation.js packages/backend --config app-config.yaml --config app-config.production.yaml`, plus
 * `extraConfigs`), on `port`. `stop()` sends SIGTERM and, like Kubernetes after its grace period, SIGKILL after 30 s.
 */
export function productionBackend({ name, dir, env, port, extraConfigs = [] }) {
  const base = `http://localhost:${port}`;
  let child;
  let log = '';
  let stdout = '';
  return {
    name,
    base,
    /** stdout and stderr of the current start. */
    log: () => log,
    /** stdout of every start (the JSON log). */
    stdout: () => stdout,
    pid: () => child?.pid,
    exited: () =>
      !child || child.exitCode !== null || child.signalCode !== null,
    start(extraEnv = {}) {
      log = '';
      child = spawn(
        'node',
        [
          '--require',
          './instrumentation.js',
          'packages/backend',
          '--config',
          'app-config.yaml',
          '--config',
          'app-config.production.yaml',
          ...extraConfigs.flatMap(c => ['--config', c]),
        ],
        {
          cwd: dir,
          env: {
            ...env,
            APP_CONFIG_backend_listen_port: String(port),
            ...extraEnv,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout.on('data', d => {
        log += d;
        stdout += d;
      });
      child.stderr.on('data', d => (log += d));
    },
    /** Waits until the readiness health check passes (every plugin started). */
    async ready(timeoutMs = 180_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        try {
          if ((await fetch(`${base}/.backstage/health/v1/readiness`)).ok)
            return;
        } catch {
          // not listening yet
        }
        if (Date.now() > until || this.exited())
          throw new Error(`${name} not ready:\n${log.slice(-3000)}`);
        await new Promise(r => setTimeout(r, 500));
      }
    },
    /** Resolves with how long the process took to go, and whether it had to be killed. */
    stop() {
      return new Promise(r => {
        if (this.exited()) {
          r({ ms: 0, killed: false });
          return;
        }
        const started = Date.now();
        const proc = child;
        const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
        proc.once('exit', (_code, signal) => {
          clearTimeout(timer);
          r({ ms: Date.now() - started, killed: signal === 'SIGKILL' });
        });
        proc.kill('SIGTERM');
      });
    },
  };
}

/** A connection to one database of the server, with the credentials the backend gets. */
export async function postgres(env, database = 'postgres') {
  const db = new pg.Client({
    host: env.POSTGRES_HOST,
    port: Number(env.POSTGRES_PORT),
    user: env.POSTGRES_USER,
    password: env.POSTGRES_PASSWORD,
    database,
  });
  await db.connect();
  return db;
}

/** The databases of this run (named `<prefix>…`). */
export async function databasesOf(env, prefix) {
  const db = await postgres(env);
  const { rows } = await db.query(
    'select datname from pg_database where datname like $1 order by 1',
    [`${prefix}%`],
  );
  await db.end();
  return rows.map(r => r.datname);
}

export async function dropDatabases(env, prefix) {
  const db = await postgres(env);
  for (const name of await databasesOf(env, prefix))
    await db.query(`drop database if exists "${name}"`);
  await db.end();
}
