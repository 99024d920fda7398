/*
 * npm run bench:campaigns — the progress of a campaign over 10,000 services, beside the catalog counting them.
 *
 * Starts the real backend (catalog + readiness, static CI token) on PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (SQLite otherwise) with the demo catalog, BENCH_ENTITIES
 * (default 10,000) generated components of the RAG platform and the demo campaign over them. Once the catalog holds
 * them all and the first evaluation pass has recorded the campaign's progress, autocannon drives BENCH_CONNECTIONS
 * (default 8) connections for BENCH_SECONDS (default 15) against GET /api/readiness/campaigns (the progress, from
 * the stored results) and, as the peer, the catalog counting the same services (GET /api/catalog/entities/by-query
 * with the campaign's filter, limit=1), BENCH_ROUNDS (default 2) rounds, interleaved. Prints each run, the medians,
 * `ratio:` the campaigns p99 over the catalog's, and whether the campaigns p99 is within the target of 200 ms. Also
 * times the campaign page (GET /api/readiness/campaigns/{id}: every entity with what it needs, computed now).
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
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_MS = 200;
const CAMPAIGN = 'rag-ready-for-production';
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  if (process.argv[2] === 'serve') {
    await serve(
      Number(process.argv[3]),
      JSON.parse(process.argv[4]),
      JSON.parse(process.argv[5]),
    );
    return;
  }
  const db = await benchDatabase('readiness_bench_campaigns');
  const dir = mkdtempSync(path.join(targetPaths.rootDir, '.bench-campaigns-'));
  const examples = path.join(targetPaths.rootDir, 'examples');
  const options = {
    locations: [
      path.join(examples, 'org.yaml'),
      path.join(examples, 'rag-platform.yaml'),
      path.join(examples, 'components.yaml'),
      generatedCatalog(dir, ENTITIES),
    ],
    tracks: [path.join(examples, 'readiness/rag-production-readiness.yaml')],
    readiness: {
      campaigns: {
        files: [
          path.join(
            examples,
            'readiness/rag-ready-for-production.campaign.yaml',
          ),
        ],
      },
      // One evaluation pass once the catalog is in (it records the campaign's progress), none during the runs.
      evaluation: {
        frequency: { minutes: 30 },
        initialDelay: { seconds: 1 },
        timeout: { minutes: 20 },
      },
    },
  };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await forkBackend(__filename, [
    String(port),
    JSON.stringify(db.databaseConfig),
    JSON.stringify(options),
  ]);
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`, { headers: auth });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const scope = 'filter=kind=component,spec.system=rag-platform';
  try {
    const started = Date.now();
    for (;;) {
      const { totalItems } = await get(
        `/api/catalog/entities/by-query?limit=1&${scope}`,
      );
      if (totalItems >= ENTITIES + 4) break;
      if (Date.now() - started > 30 * 60_000)
        throw new Error(`the catalog holds ${totalItems} after 30 min`);
      await new Promise(r => setTimeout(r, 2000));
    }
    const ingested = Date.now();
    // The scheduled pass starts as soon as its delay is over; trigger it again now the catalog is whole.
    await fetch(
      `${base}/api/readiness/.backstage/scheduler/v1/tasks/readiness-evaluate-all/trigger`,
      { method: 'POST', headers: auth },
    );
    for (;;) {
      const { items } = await get('/api/readiness/campaigns');
      const c = items.find((i: any) => i.campaign.id === CAMPAIGN);
      if (c?.progressAsOf && c.progress.total === ENTITIES + 4) break;
      if (Date.now() - ingested > 30 * 60_000)
        throw new Error('the campaign progress was never recorded');
      await new Promise(r => setTimeout(r, 2000));
    }
    print(
      `bench:campaigns on ${db.postgres ? 'PostgreSQL 15' : 'SQLite'}: ${
        ENTITIES + 4
      } services in the campaign (catalog in ${Math.round(
        (ingested - started) / 1000,
      )} s, first evaluation and progress in ${Math.round(
        (Date.now() - ingested) / 1000,
      )} s); ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds`,
    );
    const run = (label: string, url: string) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          {
            url: `${base}${url}`,
            connections: CONNECTIONS,
            duration: SECONDS,
            headers: auth,
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
      }).then(result => {
        print(
          `  ${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${
            result.latency.p50
          } ms, p99 ${result.latency.p99} ms; 2xx ${result['2xx']}, non-2xx ${
            result.non2xx
          }, errors ${result.errors}`,
        );
        if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
        return result;
      });
    const runs: Record<'campaigns' | 'catalog', autocannon.Result[]> = {
      campaigns: [],
      catalog: [],
    };
    for (let r = 0; r < ROUNDS; r++) {
      runs.catalog.push(
        await run(
          'catalog count of the scope ',
          `/api/catalog/entities/by-query?limit=1&${scope}`,
        ),
      );
      runs.campaigns.push(
        await run('readiness campaigns (list)', '/api/readiness/campaigns'),
      );
    }
    // The campaign page: every entity, computed now (no target; what a person opening it waits for).
    const page: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      const detail = await get(`/api/readiness/campaigns/${CAMPAIGN}`);
      page.push(Date.now() - t);
      if (detail.entities.length !== ENTITIES + 4)
        throw new Error(`the campaign page lists ${detail.entities.length}`);
    }
    const p99 = (k: keyof typeof runs) =>
      median(runs[k].map(x => x.latency.p99));
    const rps = (k: keyof typeof runs) =>
      median(runs[k].map(x => x.requests.average));
    for (const k of ['catalog', 'campaigns'] as const)
      print(`  median ${k}: ${rps(k).toFixed(0)} req/s, p99 ${p99(k)} ms`);
    print(
      `  campaign page (every entity with its needs, computed now): median ${median(
        page,
      )} ms of 3`,
    );
    print(
      `ratio: ${(p99('campaigns') / p99('catalog')).toFixed(
        2,
      )} (campaign progress p99 ÷ catalog count p99); campaign progress p99 ${p99(
        'campaigns',
      )} ms, target ≤ ${TARGET_MS} ms: ${
        p99('campaigns') <= TARGET_MS ? 'met' : 'NOT met'
      }`,
    );
  } finally {
    child.send('STOP');
    await new Promise(r => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
