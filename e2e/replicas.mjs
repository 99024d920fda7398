#!/usr/bin/env node
// Two replicas of the production build sharing one PostgreSQL, as a Kubernetes Deployment with replicas: 2 runs them:
//
//   PROD_DIR=/tmp/readiness-prod POSTGRES_HOST=localhost POSTGRES_PORT=5432 POSTGRES_USER=postgres \
//   POSTGRES_PASSWORD=... node e2e/replicas.mjs
//
// Two processes (`node --require ./instrumentation.js packages/backend`, ports 7007 and 7008, metrics on 9464 and
// 9465) on the same databases. Checks: the scheduled evaluation runs once per tick across both; one deployment event
// posted to both at once is one record; evidence posted round-robin is all there; the escalation rate limit counts
// escalations made on either (429 on the third); runbooks, on-call and readiness answer the same on both; one replica restarted under
// write load loses no acknowledged write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIdentityProvider } from './oidc/identityProvider.mjs';
import { readAnswer, stepRunner } from './harness.mjs';
import {
  dropDatabases,
  postgres,
  productionBackend,
  productionEnv,
} from './productionInstall.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.env.PROD_DIR ?? '/tmp/readiness-prod');
const token = 'replicas-ci-token';
const prefix = `readiness_replicas_${Date.now()}_`;
/** The scheduled evaluation's frequency in e2e/replicas/app-config.yaml. */
const TICK_MS = 10_000;
const { step, summary } = stepRunner();

function expect(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** One replica: the production start of the image on its own HTTP and metrics ports, with this test's config. */
function replica(name, port, metricsPort, env) {
  const backend = productionBackend({
    name,
    dir,
    env: { ...env, METRICS_PORT: String(metricsPort) },
    port,
    extraConfigs: [join(root, 'e2e/replicas/app-config.yaml')],
  });
  return {
    ...backend,
    metricsPort,
    /** JSON log entries of every start of this replica. */
    entries: () =>
      backend
        .stdout()
        .split('\n')
        .filter(l => l.startsWith('{'))
        .map(l => JSON.parse(l)),
  };
}

async function main() {
  const env = productionEnv({
    dir,
    prefix,
    // Both behind one address, as behind a Service or load balancer.
    baseUrl: 'http://localhost:7007',
    token,
    oidcClientId: 'readiness-portal',
  });
  env.OIDC_CLIENT_SECRET = 'portal-client-secret-for-e2e';
  const idp = await startIdentityProvider({
    port: 7300,
    repoRoot: root,
    client: {
      id: env.OIDC_CLIENT_ID,
      secret: env.OIDC_CLIENT_SECRET,
      redirectUri: 'http://localhost:7007/api/auth/oidc/handler/frame',
    },
  });
  env.OIDC_METADATA_URL = idp.metadataUrl;
  const a = replica('replica A', 7007, 9464, env);
  const b = replica('replica B', 7008, 9465, env);
  const replicas = [a, b];
  const ci = { Authorization: `Bearer ${token}` };
  const call = async (r, path, init = {}) => {
    const res = await fetch(`${r.base}/api/readiness${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...ci,
        ...(init.headers ?? {}),
      },
    });
    return readAnswer(res);
  };
  /** A passing test run of a component, as CI pushes it, with its externalId. */
  const pushEvidence = (r, component, type, externalId) =>
    call(r, '/evidence', {
      method: 'POST',
      body: JSON.stringify({
        entityRef: `component:default/${component}`,
        type,
        value: { status: 'passed', total: 10, failed: 0 },
        externalId,
      }),
    });
  let readinessDb;
  try {
    await step('two replicas start on one PostgreSQL', async () => {
      // One first, so that the migrations run once; then the second, as a rolling deployment adds it.
      a.start();
      await a.ready();
      b.start();
      await b.ready();
      const db = await postgres(env);
      const { rows } = await db.query(
        'select datname from pg_database where datname = $1',
        [`${prefix}readiness`],
      );
      await db.end();
      expect(rows.length === 1, `no database ${prefix}readiness`);
      readinessDb = await postgres(env, `${prefix}readiness`);
      // Each replica's catalog reads the demo files into the shared catalog database.
      for (const r of replicas) {
        const until = Date.now() + 120_000;
        while (
          (
            await fetch(
              `${r.base}/api/catalog/entities/by-name/component/default/rag-api`,
              { headers: ci },
            )
          ).status !== 200
        ) {
          expect(Date.now() < until, `${r.name}: rag-api never in the catalog`);
          await sleep(1000);
        }
      }
    });
    const startedAt = Date.now();

    await step(
      'one deployment event posted to both replicas at once is one record',
      async () => {
        for (let i = 0; i < 10; i++) {
          const event = {
            entityRef: 'component:default/rag-api',
            environment: 'rag-staging',
            version: `2.0.${i}`,
            status: 'succeeded',
            externalId: `replicas-deploy-${i}`,
          };
          const answers = await Promise.all(
            replicas.map(r =>
              call(r, '/deployments', {
                method: 'POST',
                body: JSON.stringify(event),
              }),
            ),
          );
          const statuses = answers.map(x => x.status).sort();
          expect(
            JSON.stringify(statuses) === '[200,201]',
            `event ${i}: ${JSON.stringify(answers)}`,
          );
        }
        const { rows } = await readinessDb.query(
          "select external_id, count(*)::int as n from readiness_deployments where external_id like 'replicas-deploy-%' group by external_id",
        );
        expect(rows.length === 10, `${rows.length} records`);
        expect(
          rows.every(r => r.n === 1),
          JSON.stringify(rows.filter(r => r.n !== 1)),
        );
      },
    );

    await step('evidence posted round-robin to both is all there', async () => {
      const ids = Array.from({ length: 200 }, (_, i) => `replicas-rr-${i}`);
      for (let i = 0; i < ids.length; i += 10) {
        await Promise.all(
          ids.slice(i, i + 10).map(async (id, j) => {
            const r = replicas[(i + j) % 2];
            const res = await pushEvidence(
              r,
              'rag-web',
              'evidence.tests.ui',
              id,
            );
            expect(res.status === 201, `${id} on ${r.name}: ${res.status}`);
          }),
        );
      }
      const { rows } = await readinessDb.query(
        "select count(distinct external_id)::int as n, count(*)::int as total from readiness_evidence where external_id like 'replicas-rr-%'",
      );
      expect(
        rows[0].n === 200 && rows[0].total === 200,
        JSON.stringify(rows[0]),
      );
    });

    await step(
      'the escalation rate limit counts escalations made on either replica',
      async () => {
        const { token: guest } = await (
          await fetch(`${a.base}/api/auth/guest/refresh`)
        )
          .json()
          .then(j => j.backstageIdentity);
        const escalate = r =>
          call(r, '/oncall/component/default/rag-api/escalations', {
            method: 'POST',
            headers: { Authorization: `Bearer ${guest}` },
            // Level 2 (a person): level 1 is whoever is on call, and the demo rota leaves nights uncovered.
            body: JSON.stringify({ reason: 'two-replica test', level: 2 }),
          });
        // The limit is 2 per person per 10 minutes (e2e/replicas/app-config.yaml).
        const answers = [];
        for (const r of [a, b, a, b]) answers.push(await escalate(r));
        expect(
          JSON.stringify(answers.map(x => x.status)) === '[201,201,429,429]',
          JSON.stringify(answers),
        );
        expect(
          /escalat/i.test(answers[3].body?.error?.message ?? ''),
          JSON.stringify(answers[3].body),
        );
      },
    );

    await step(
      'runbooks, on-call and readiness answer the same on both replicas',
      async () => {
        // Times of reading and evaluating differ by replica, and "now" (the start of the current on-call shift as
        // asked) by the milliseconds between the two requests; nothing else may.
        const strip = value =>
          JSON.parse(
            JSON.stringify(value, (key, v) =>
              /^(refreshedAt|evaluatedAt|observedAt|reviewAgeDays|ageDays)$/.test(
                key,
              )
                ? undefined
                : v,
            ),
          );
        const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
        const same = (x, y) => {
          if (typeof x === 'string' && typeof y === 'string') {
            if (iso.test(x) && iso.test(y))
              return Math.abs(Date.parse(x) - Date.parse(y)) < 5000;
            return x === y;
          }
          if (x && y && typeof x === 'object' && typeof y === 'object') {
            const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
            return [...keys].every(k => same(x[k], y[k]));
          }
          return x === y;
        };
        for (const path of [
          '/runbooks/component/default/rag-api',
          '/runbooks/component/default/readiness-portal',
          '/runbooks/by-alert/OidcLoginFailures',
          '/oncall/component/default/rag-api',
          '/scorecards/component/default/rag-api/summary',
          '/deployments/component/default/rag-api',
          '/overview',
        ]) {
          const [fromA, fromB] = await Promise.all(
            replicas.map(r => call(r, path)),
          );
          expect(
            fromA.status === 200 && fromB.status === 200,
            `${path}: ${fromA.status} / ${fromB.status}`,
          );
          const [x, y] = [strip(fromA.body), strip(fromB.body)];
          expect(
            same(x, y),
            `${path} differs:\n  A: ${JSON.stringify(x).slice(
              0,
              400,
            )}\n  B: ${JSON.stringify(y).slice(0, 400)}`,
          );
        }
      },
    );

    await step(
      'a rolling restart of one replica under write load loses no acknowledged write',
      async () => {
        const outcomes = [];
        let running = true;
        let n = 0;
        let turn = 0;
        const worker = async () => {
          while (running) {
            const id = `replicas-roll-${n++}`;
            // Round-robin over the replicas in rotation, as a Kubernetes Service does: a stopping replica stays in
            // it until it is gone (the endpoint's removal races with SIGTERM), a starting one joins when its
            // readiness probe passes.
            // One counter for all workers: requests answered together (pushes written as one group) resume the workers
            // in step, and a choice that mixed in the worker's number would then send them all to one replica.
            const pool = replicas.filter(x => inRotation.has(x));
            const r = pool[turn++ % pool.length];
            try {
              const res = await pushEvidence(
                r,
                'rag-retriever',
                'evidence.tests.unit',
                id,
              );
              outcomes.push({
                id,
                replica: r.name,
                status: res.status,
                ...(res.status === 201
                  ? {}
                  : { message: res.body?.error?.message ?? res.body }),
              });
            } catch {
              outcomes.push({ id, replica: r.name, status: 0 });
              await sleep(50);
            }
          }
        };
        const inRotation = new Set(replicas);
        const workers = [0, 1, 2, 3].map(worker);
        let stopped;
        let restarted;
        try {
          await sleep(2000);
          const stoppedAt = Date.now();
          stopped = await a.stop();
          inRotation.delete(a);
          expect(
            !stopped.killed,
            `replica A did not stop within 30 s of SIGTERM under load:\n${a
              .stdout()
              .slice(-2000)}`,
          );
          a.start();
          await a.ready();
          inRotation.add(a);
          restarted = Date.now() - stoppedAt;
          await sleep(2000);
        } finally {
          running = false;
          await Promise.all(workers);
        }

        const acknowledged = outcomes.filter(o => o.status === 201);
        const refused = outcomes.filter(o => o.status !== 201);
        const { rows } = await readinessDb.query(
          "select external_id from readiness_evidence where external_id like 'replicas-roll-%'",
        );
        const stored = new Set(rows.map(r => r.external_id));
        const lost = acknowledged.filter(o => !stored.has(o.id));
        expect(lost.length === 0, `lost: ${JSON.stringify(lost.slice(0, 5))}`);
        const attempted = new Set(outcomes.map(o => o.id));
        expect(
          [...stored].every(id => attempted.has(id)),
          'stored something never sent',
        );
        // Replica B served throughout; A answered again after its restart.
        const byB = acknowledged.filter(o => o.replica === 'replica B');
        expect(byB.length > 20, `replica B acknowledged ${byB.length}`);
        const stopAt = outcomes.findIndex(
          o => o.replica === 'replica A' && o.status !== 201,
        );
        const aAfter = outcomes
          .slice(stopAt)
          .filter(o => o.replica === 'replica A' && o.status === 201);
        expect(
          aAfter.length > 0,
          'replica A acknowledged nothing after its restart',
        );
        expect(
          refused.every(o => o.status === 0 || o.status === 503),
          `answers other than 201, a refused connection or 503: ${JSON.stringify(
            refused.filter(o => o.status !== 0 && o.status !== 503).slice(0, 5),
          )}`,
        );
        console.log(
          `    ${acknowledged.length} writes acknowledged and stored (${byB.length} by B), ${refused.length} refused while A stopped (in ${stopped.ms} ms) and started again (${restarted} ms in all)`,
        );
      },
    );

    await step(
      'the scheduled evaluation ran once per tick across both replicas',
      async () => {
        // Enough ticks for both replicas to compete for several of them.
        const wait = startedAt + 6 * TICK_MS - Date.now();
        if (wait > 0) await sleep(wait);
        const runs = replicas
          .flatMap(r =>
            r
              .entries()
              .filter(
                e =>
                  e.plugin === 'readiness' &&
                  /^Evaluated \d+ entities in \d+ ms/.test(e.message),
              )
              .map(e => ({ at: Date.parse(e.timestamp), replica: r.name })),
          )
          .sort((x, y) => x.at - y.at);
        expect(runs.length >= 4, `${runs.length} scheduled runs`);
        const gaps = runs.slice(1).map((r, i) => r.at - runs[i].at);
        // Once per tick: never the same tick run on both replicas (they would be a moment apart), and no more runs
        // than ticks in the span. One interval may be short: a restarted replica registers the task again and its
        // initial delay (5 s here) can bring the next run forward.
        const span = runs[runs.length - 1].at - runs[0].at;
        expect(
          gaps.every(g => g >= TICK_MS / 2),
          `two runs within half a tick: ${JSON.stringify(runs)}`,
        );
        expect(
          runs.length <= Math.floor(span / TICK_MS) + 2,
          `${runs.length} runs in ${span} ms: ${JSON.stringify(runs)}`,
        );
        // The scheduler's own count agrees with the log, summed over both replicas' metrics.
        let counted = 0;
        for (const r of replicas) {
          const text = await (
            await fetch(`http://127.0.0.1:${r.metricsPort}/metrics`)
          ).text();
          for (const line of text.split('\n')) {
            if (
              /^backend_tasks_task_runs_count(_total)?\{/.test(line) &&
              line.includes('taskId="readiness-evaluate-all"') &&
              line.includes('result="completed"')
            )
              counted += Number(line.split(' ').pop());
          }
        }
        // Replica A restarted (its counter began again), so the metrics count at most what the logs saw.
        expect(
          counted >= 1 && counted <= runs.length,
          `metrics count ${counted} completed runs, logs ${runs.length}`,
        );
        const perReplica = replicas.map(
          r => `${r.name} ${runs.filter(x => x.replica === r.name).length}`,
        );
        console.log(
          `    ${runs.length} scheduled runs in ${Math.round(
            (runs[runs.length - 1].at - runs[0].at) / 1000,
          )} s (${perReplica.join(', ')}); smallest gap ${Math.min(
            ...gaps,
          )} ms`,
        );
      },
    );
  } finally {
    await readinessDb?.end().catch(() => {});
    await Promise.all(replicas.map(r => r.stop()));
    // Each replica's log, for a failing run.
    mkdirSync(join(root, 'e2e-results'), { recursive: true });
    for (const r of replicas)
      writeFileSync(
        join(root, 'e2e-results', `${r.name.replace(' ', '-')}.log`),
        r.stdout(),
      );
    await idp.close();
    await dropDatabases(env, prefix);
  }
}

main()
  .catch(error => console.log(`  ✗ ${error.message}`))
  .finally(() => {
    if (!summary('two replicas')) process.exitCode = 1;
  });
