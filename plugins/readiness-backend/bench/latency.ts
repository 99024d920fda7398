/*
 * npm run bench:latency — one entity's readiness beside the catalog's own answer for the same entity.
 *
 * Starts the real backend (createBackend with the catalog and the readiness plugin, static CI token) on PostgreSQL
 * when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (SQLite otherwise), with the demo catalog and
 * BENCH_ENTITIES (default 10,000) generated components of the RAG platform, judged by both demo tracks. Once the
 * catalog holds them all, autocannon drives BENCH_CONNECTIONS (default 64) connections for BENCH_SECONDS (default
 * 20) at random entities, alternately against the catalog (GET /api/catalog/entities/by-name/…) and the readiness
 * plugin (GET /api/readiness/scorecards/… — and its compact /summary), BENCH_ROUNDS (default 2) rounds each,
 * interleaved so both see the same machine. Prints each run, the medians, and `ratio:` the scorecard's p99 over the
 * catalog's (target ≤ 1.0) with the req/s ratio (target ≥ 1.0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { targetPaths } from '@backstage/cli-common';
import {
  benchDatabase,
  forkBackend,
  freePort,
  serve,
  TOKEN,
} from './deployments/backend';
import { generatedCatalog } from './generatedCatalog';
import { median } from './stats';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const print = (line: string) => process.stdout.write(`${line}\n`);
/** What a browser sends: it accepts compressed answers. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function main() {
  if (process.argv[2] === 'serve') {
    await serve(
      Number(process.argv[3]),
      JSON.parse(process.argv[4]),
      JSON.parse(process.argv[5]),
    );
    return;
  }
  const db = await benchDatabase('readiness_bench_latency');
  const pg = db.postgres;
  const databaseConfig = db.databaseConfig;
  // Inside the repository, so the generated components' runbook path resolves like the demo's.
  const dir = mkdtempSync(path.join(targetPaths.rootDir, '.bench-latency-'));
  const examples = path.join(targetPaths.rootDir, 'examples');
  const options = {
    locations: [
      path.join(examples, 'org.yaml'),
      path.join(examples, 'rag-platform.yaml'),
      path.join(examples, 'components.yaml'),
      generatedCatalog(dir, ENTITIES),
    ],
    tracks: [
      path.join(examples, 'readiness/rag-production-readiness.yaml'),
      path.join(examples, 'readiness/service-baseline.yaml'),
    ],
  };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await forkBackend(__filename, [
    String(port),
    JSON.stringify(databaseConfig),
    JSON.stringify(options),
  ]);
  const auth = { Authorization: `Bearer ${TOKEN}` };
  try {
    const started = Date.now();
    for (;;) {
      const res = await fetch(
        `${base}/api/catalog/entities/by-query?limit=1&filter=kind=component,spec.system=rag-platform`,
        { headers: auth },
      );
      const total = res.ok ? (await res.json()).totalItems : 0;
      if (total >= ENTITIES + 4) break;
      if (Date.now() - started > 30 * 60_000)
        throw new Error(`the catalog holds ${total} components after 30 min`);
      await new Promise(r => setTimeout(r, 2000));
    }
    // The scheduled evaluation run, as production has it once the catalog is read: statuses stored and each
    // entity's scorecard computed and kept. Triggered here (its first run went by while the catalog was filling).
    const evaluated = await evaluateAll(base, auth);
    print(
      `bench:latency on ${pg ? 'PostgreSQL 15' : 'SQLite (in memory)'}: ${
        ENTITIES + 4
      } components in the catalog (ingested and evaluated in ${Math.round(
        (Date.now() - started) / 1000,
      )} s; the evaluation run with the scorecards took ${(
        evaluated / 1000
      ).toFixed(
        1,
      )} s); ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds`,
    );
    const run = (
      label: string,
      pathOf: (i: number) => string,
      headers: Record<string, string> = {},
    ) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          {
            url: base,
            connections: CONNECTIONS,
            duration: SECONDS,
            headers: { ...auth, ...headers },
            requests: [
              {
                setupRequest: req => ({
                  ...req,
                  path: pathOf(Math.floor(Math.random() * ENTITIES)),
                }),
              },
            ],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
      }).then(result => {
        print(
          `  ${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${
            result.latency.p50
          } ms, p99 ${result.latency.p99} ms, ${Math.round(
            result.throughput.average / Math.max(1, result.requests.average),
          )} bytes per answer; 2xx ${result['2xx']}, non-2xx ${
            result.non2xx
          }, errors ${result.errors}`,
        );
        if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
        return result;
      });
    const runs: Record<string, autocannon.Result[]> = {
      catalog: [],
      scorecard: [],
      summary: [],
      'catalog, as a browser asks': [],
      'scorecard, as a browser asks': [],
    };
    for (let r = 0; r < ROUNDS; r++) {
      runs.catalog.push(
        await run(
          'catalog by-name   ',
          i => `/api/catalog/entities/by-name/component/default/svc-${i}`,
        ),
      );
      runs.scorecard.push(
        await run(
          'readiness scorecard',
          i => `/api/readiness/scorecards/component/default/svc-${i}`,
        ),
      );
      runs.summary.push(
        await run(
          'readiness summary  ',
          i => `/api/readiness/scorecards/component/default/svc-${i}/summary`,
        ),
      );
      // Browsers (and Node's fetch, which the client uses there) accept compressed answers: both asked that way.
      runs['catalog, as a browser asks'].push(
        await run(
          'catalog by-name,    Accept-Encoding: gzip, deflate, br',
          i => `/api/catalog/entities/by-name/component/default/svc-${i}`,
          BROWSER,
        ),
      );
      runs['scorecard, as a browser asks'].push(
        await run(
          'readiness scorecard, Accept-Encoding: gzip, deflate, br',
          i => `/api/readiness/scorecards/component/default/svc-${i}`,
          BROWSER,
        ),
      );
    }
    const p99 = (k: string) => median(runs[k].map(x => x.latency.p99));
    const rps = (k: string) => median(runs[k].map(x => x.requests.average));
    for (const k of Object.keys(runs))
      print(`  median ${k}: ${rps(k).toFixed(0)} req/s, p99 ${p99(k)} ms`);
    print(
      `  as a browser asks (gzip): scorecard p99 ÷ catalog p99 ${(
        p99('scorecard, as a browser asks') / p99('catalog, as a browser asks')
      ).toFixed(2)}, req/s ratio ${(
        rps('scorecard, as a browser asks') / rps('catalog, as a browser asks')
      ).toFixed(2)}`,
    );
    print(
      `ratio: ${(p99('scorecard') / p99('catalog')).toFixed(
        2,
      )} (scorecard p99 ÷ catalog by-name p99, target ≤ 1.0); req/s ratio ${(
        rps('scorecard') / rps('catalog')
      ).toFixed(2)} (target ≥ 1.0); summary: p99 ratio ${(
        p99('summary') / p99('catalog')
      ).toFixed(2)}, req/s ratio ${(rps('summary') / rps('catalog')).toFixed(
        2,
      )}`,
    );
  } finally {
    child.send('STOP');
    await new Promise(r => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

/** Triggers the scheduled evaluation of every entity and waits for it to end; returns how long it took (ms). */
async function evaluateAll(base: string, auth: Record<string, string>) {
  const tasks = `${base}/api/readiness/.backstage/scheduler/v1/tasks`;
  const task = 'readiness-evaluate-all';
  const deadline = Date.now() + 30 * 60_000;
  let triggered = 0;
  while (!triggered) {
    const res = await fetch(`${tasks}/${task}/trigger`, {
      method: 'POST',
      headers: auth,
    });
    // 409 while a run is under way: wait for it and trigger again.
    if (res.ok) triggered = Date.now();
    else if (res.status !== 409)
      throw new Error(`triggering ${task}: ${res.status} ${await res.text()}`);
    else await new Promise(r => setTimeout(r, 1000));
  }
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`${task} did not end within 30 minutes`);
    await new Promise(r => setTimeout(r, 1000));
    const { tasks: states } = await (
      await fetch(tasks, { headers: auth })
    ).json();
    const state = states.find((t: any) => t.taskId === task)?.taskState;
    if (
      state?.status === 'idle' &&
      state.lastRunEndedAt &&
      Date.parse(state.lastRunEndedAt) >= triggered
    ) {
      if (state.lastRunError)
        throw new Error(`${task} failed: ${state.lastRunError}`);
      return Date.parse(state.lastRunEndedAt) - triggered;
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
