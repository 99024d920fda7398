/*
 * npm run bench:evaluate — 10,000 entities × 40 checks (BENCH_ENTITIES changes the count, BENCH_PART=a|b one part).
 *
 * (a) Our evaluator over facts in memory vs the peer, JsonRulesEngineFactChecker
 *     (@backstage-community/plugin-tech-insights-backend-module-jsonfc) fed by an in-memory store: same facts,
 *     equivalent checks, same run, same process. Target: ratio ≥ 100.
 * (b) Our full re-evaluation end to end — read every fact from the database, evaluate, write only the transitions —
 *     on SQLite, and on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Targets at
 *     10,000 entities: the first evaluation ≤ 5 s, a re-evaluation with nothing changed ≤ 1 s.
 *
 * BENCH_DB=sqlite|postgres runs (b) on one database only.
 *
 * Bundled with esbuild and run with plain node (scripts/bench.mjs), so neither side pays for a test runner.
 */
import knexFactory from 'knex';
import { PART, print } from './evaluate/synthetic';
import { partA } from './evaluate/inMemory';
import { partB } from './evaluate/endToEnd';

async function main() {
  if (PART === 'all' || PART === 'a') await partA();
  const only = process.env.BENCH_DB;
  if ((PART === 'all' || PART === 'b') && only !== 'postgres') {
    const sqlite = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    try {
      await partB('SQLite (better-sqlite3, in memory)', sqlite);
    } finally {
      await sqlite.destroy();
    }
  }
  if ((PART === 'all' || PART === 'b') && only !== 'sqlite') {
    const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (pg) {
      const database = `readiness_bench_${Date.now()}`;
      const admin = knexFactory({ client: 'pg', connection: pg });
      await admin.raw(`CREATE DATABASE ${database}`);
      const url = new URL(pg);
      url.pathname = `/${database}`;
      const knex = knexFactory({ client: 'pg', connection: url.toString() });
      try {
        await partB('PostgreSQL 15', knex);
      } finally {
        await knex.destroy();
        await admin.raw(`DROP DATABASE ${database}`);
        await admin.destroy();
      }
    } else {
      print(
        '(b) PostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
      );
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
