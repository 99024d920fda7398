/*
 * npm run bench:deployments — sustained deployment ingestion over HTTP on loopback.
 *
 * Starts the real backend (createBackend with the catalog and the readiness plugin, the demo catalog, a static CI
 * token) on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (SQLite otherwise), then
 * drives POST /api/readiness/deployments with autocannon for BENCH_SECONDS (default 15) over BENCH_CONNECTIONS
 * (default 32): every request a new deployment with its own externalId, then the same events again (which must be
 * idempotent updates), then new events again in batches of BENCH_BATCH (default 100) through POST
 * /deployments/batch, then new evidence one per request (POST /evidence). Afterwards it counts the rows of each
 * phase: none lost, none duplicated. Target ≥ 1,000 events/s.
 */
import autocannon from 'autocannon';
import {
  benchDatabase,
  forkBackend,
  freePort,
  serve,
  TOKEN,
} from './deployments/backend';
import { countRows } from './deployments/rows';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  if (process.argv[2] === 'serve') {
    await serve(Number(process.argv[3]), JSON.parse(process.argv[4]));
    return;
  }
  const db = await benchDatabase('readiness_bench_deploy');
  const pg = db.postgres;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await forkBackend(__filename, [
    String(port),
    JSON.stringify(db.databaseConfig),
  ]);
  const auth = {
    Authorization: `Bearer ${TOKEN}`,
    'Content-Type': 'application/json',
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [a, b] = await Promise.all(
        ['component/default/rag-api', 'resource/default/rag-staging'].map(p =>
          fetch(`${base}/api/catalog/entities/by-name/${p}`, {
            headers: auth,
          }).then(r => r.status),
        ),
      );
      if (a === 200 && b === 200) break;
      if (Date.now() > deadline)
        throw new Error(
          `the catalog never ingested the demo catalog ${a} ${b}`,
        );
      await new Promise(r => setTimeout(r, 500));
    }
    const event = (id: number, prefix: string) => ({
      entityRef: `component:default/${
        ['rag-api', 'rag-web', 'rag-retriever', 'rag-ingestion'][id % 4]
      }`,
      environment: 'rag-staging',
      version: `1.${Math.floor(id / 1000)}.${id % 1000}`,
      status: 'succeeded',
      startedAt: new Date(Date.UTC(2026, 10, 1) + id * 1000).toISOString(),
      externalId: `${prefix}-${id}`,
    });
    // Evidence of a CI run: one test result per event, each its own externalId.
    const evidenceEvent = (id: number) => ({
      entityRef: `component:default/${
        ['rag-api', 'rag-web', 'rag-retriever', 'rag-ingestion'][id % 4]
      }`,
      type: `evidence.bench.f${id % 40}`,
      value: { passed: 100 + (id % 7), failed: id % 3 },
      observedAt: new Date(Date.UTC(2026, 10, 1) + id * 1000).toISOString(),
      externalId: `evbench-${id}`,
    });
    const run = (
      label: string,
      idOf: (n: number) => number,
      batch = 0,
      kind: 'deployments' | 'evidence' = 'deployments',
    ) => {
      let n = 0;
      return new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          {
            url: `${base}/api/readiness/${kind}${batch ? '/batch' : ''}`,
            connections: CONNECTIONS,
            duration: SECONDS,
            method: 'POST',
            headers: auth,
            requests: [
              {
                setupRequest: req => {
                  if (kind === 'evidence')
                    return {
                      ...req,
                      body: JSON.stringify(evidenceEvent(idOf(n++))),
                    };
                  if (!batch)
                    return {
                      ...req,
                      body: JSON.stringify(event(idOf(n++), 'bench')),
                    };
                  const items = Array.from({ length: batch }, () =>
                    event(idOf(n++), 'batch'),
                  );
                  return { ...req, body: JSON.stringify({ items }) };
                },
              },
            ],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
      }).then(result => {
        const events = result.requests.total * Math.max(1, batch);
        print(
          `  ${label}: ${result.requests.total} requests${
            batch ? ` of ${batch} events` : ''
          } in ${SECONDS} s = ${(events / SECONDS).toFixed(0)} events/s; ` +
            `2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; ` +
            `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        );
        return result;
      });
    };

    print(
      `bench:deployments on ${
        pg ? 'PostgreSQL 15' : 'SQLite (in memory)'
      }: ${CONNECTIONS} connections, ${SECONDS} s per phase`,
    );
    const fresh = await run('new deployments        ', n => n);
    const sent = fresh.requests.total;
    const replay = await run(
      'replayed (idempotent)  ',
      n => n % Math.max(1, fresh['2xx']),
    );
    const batched = await run('new, batched          ', n => n, BATCH);
    const evidence = await run('new evidence          ', n => n, 0, 'evidence');

    const counts = await countRows(db, base, auth);
    const { rows, distinct, batchRows, batchDistinct } = counts;
    const { evidenceRows, evidenceDistinct } = counts;
    const exact = counts.exact;
    print(
      `  rows after both phases: ${rows}; distinct externalIds: ${distinct}; accepted new events: ${fresh['2xx']} of ${sent} sent`,
    );
    // Requests still in flight when a phase ends are recorded but not counted by the load tool: at most one per
    // connection. Every accepted event must have a row, and no externalId more than one.
    const lost = Math.max(0, fresh['2xx'] - rows);
    print(
      `  lost: ${lost}, duplicated: ${
        rows - distinct
      }, in flight at the cut-off: ${
        rows - fresh['2xx']
      } (≤ ${CONNECTIONS}); replay answered 2xx for ${replay['2xx']} of ${
        replay.requests.total
      }`,
    );
    const batchAccepted = batched['2xx'] * BATCH;
    const batchLost = exact ? Math.max(0, batchAccepted - batchRows) : 0;
    print(
      `  batched: rows ${batchRows}, distinct externalIds ${batchDistinct}, events in accepted batches ${batchAccepted}; ` +
        `lost: ${batchLost}, duplicated: ${
          batchRows - batchDistinct
        }, in flight at the cut-off: ${batchRows - batchAccepted} (≤ ${
          CONNECTIONS * BATCH
        })`,
    );
    const evidenceLost = exact
      ? Math.max(0, evidence['2xx'] - evidenceRows)
      : 0;
    if (exact)
      print(
        `  evidence: rows ${evidenceRows}, distinct externalIds ${evidenceDistinct}, accepted ${
          evidence['2xx']
        }; lost: ${evidenceLost}, duplicated: ${
          evidenceRows - evidenceDistinct
        }, in flight at the cut-off: ${
          evidenceRows - evidence['2xx']
        } (≤ ${CONNECTIONS})`,
      );
    print(
      `evidence/s one per request: ${(evidence['2xx'] / SECONDS).toFixed(0)}`,
    );
    print(
      `events/s one per request: ${(fresh['2xx'] / SECONDS).toFixed(
        0,
      )}; batched (${BATCH} per request): ${(batchAccepted / SECONDS).toFixed(
        0,
      )} (target ≥ 1000)`,
    );
    if (
      fresh.non2xx > 0 ||
      replay.non2xx > 0 ||
      lost > 0 ||
      rows !== distinct ||
      rows - fresh['2xx'] > CONNECTIONS
    )
      process.exitCode = 1;
    if (
      evidence.non2xx > 0 ||
      (exact &&
        (evidenceLost > 0 ||
          evidenceRows !== evidenceDistinct ||
          evidenceRows - evidence['2xx'] > CONNECTIONS))
    )
      process.exitCode = 1;
    if (
      exact &&
      (batched.non2xx > 0 ||
        batchLost > 0 ||
        batchRows !== batchDistinct ||
        batchRows - batchAccepted > CONNECTIONS * BATCH)
    )
      process.exitCode = 1;
  } finally {
    child.send('STOP');
    await new Promise(r => child.once('exit', r));
    await db.drop();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
