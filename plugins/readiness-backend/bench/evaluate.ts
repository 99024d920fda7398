/*
 * npm run bench:evaluate — 10,000 entities × 40 checks (BENCH_ENTITIES changes the count, BENCH_PART=a|b one part).
 *
 * (a) Our evaluator over facts in memory vs the peer, JsonRulesEngineFactChecker
 *     (@backstage-community/plugin-tech-insights-backend-module-jsonfc) fed by an in-memory store: same facts,
 *     equivalent checks, same run, same process. Target: ratio ≥ 100.
 * (b) Our full re-evaluation end to end — read every fact from the database, evaluate, write only the transitions —
 *     on SQLite, and on PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Target ≤ 2 s.
 *
 * Bundled with esbuild and run with plain node (scripts/bench.mjs), so neither side pays for a test runner.
 */
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { DateTime } from 'luxon';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { TechInsightsStore } from '@backstage-community/plugin-tech-insights-node';
import { Fact, Track } from '@internal/plugin-readiness-common';
import { evaluateTrack } from '../src/scorecards/evaluation/evaluateTrack';
import { compileTrack } from '../src/scorecards/evaluation/compiledTrack';
import { compileStatusEvaluator } from '../src/scorecards/evaluation/statusEvaluator';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { DatabaseEvidenceStore } from '../src/facts/evidence/DatabaseEvidenceStore';
import { createEvidenceFactSource } from '../src/facts/evidence/evidenceFactSource';
import { DatabaseAttestationStore } from '../src/scorecards/attestations/DatabaseAttestationStore';
import { DatabaseWaiverStore } from '../src/scorecards/waivers/DatabaseWaiverStore';
import { DatabaseResultStore } from '../src/scorecards/results/DatabaseResultStore';
import {
  loadTrack,
  TrackRegistry,
} from '../src/scorecards/tracks/TrackRegistry';
import { ScorecardEvaluator } from '../src/scorecards/ScorecardEvaluator';
import { EvaluationInputs } from '../src/scorecards/evaluation/EvaluationInputs';
import { RegressionNotifier } from '../src/scorecards/RegressionNotifier';
import { EntityCatalog } from '../src/catalog/EntityCatalog';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const PART = process.env.BENCH_PART ?? 'all';
const CHECKS = 40;
const GATES = 5;
const print = (line: string) => process.stdout.write(`${line}\n`);
const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};

// Deterministic facts: the value of fact k for entity i.
function valueOf(i: number, k: number): number {
  let x = (i + 1) * 2654435761 + (k + 1) * 40503;
  x = (x ^ (x >>> 13)) * 1274126177;
  return Math.abs(x ^ (x >>> 16)) % 100;
}
// Check k: alternately "≥ 20" and "< 90" on fact k; about 85 % pass.
const checkOf = (k: number) =>
  k % 2 === 0
    ? { operator: 'greaterThanInclusive' as const, value: 20 }
    : { operator: 'lessThan' as const, value: 90 };
const passes = (v: number, k: number) => (k % 2 === 0 ? v >= 20 : v < 90);

// Five gates of eight checks, each gate depending on the one before.
const track: Track = {
  apiVersion: 'readiness.io/v1',
  kind: 'Track',
  metadata: { name: 'bench', title: 'Bench' },
  spec: {
    appliesTo: [{ kind: 'Component' }],
    gates: Array.from({ length: GATES }, (_, g) => ({
      id: `g${g}`,
      title: `Gate ${g}`,
      dependsOn: g === 0 ? [] : [`g${g - 1}`],
      checks: Array.from({ length: CHECKS / GATES }, (__, j) => {
        const k = g * (CHECKS / GATES) + j;
        return {
          id: `c${k}`,
          title: `Check ${k}`,
          severity: 'medium' as const,
          fact: `evidence.bench.f${k}`,
          condition: checkOf(k),
        };
      }),
    })),
  },
};

const refOf = (i: number) => `component:default/svc-${i}`;

async function partA() {
  const now = new Date();
  const observedAt = now.toISOString();
  // Expected passing checks: for the peer, every check whose condition holds; for ours, the same unless an
  // earlier gate of the chain has not passed (then the check is blocked).
  let expected = 0;
  let expectedUnblocked = 0;
  const perGate = CHECKS / GATES;
  for (let i = 0; i < ENTITIES; i++) {
    let chainPassed = true;
    for (let g = 0; g < GATES; g++) {
      let gatePassed = true;
      for (let k = g * perGate; k < (g + 1) * perGate; k++) {
        const ok = passes(valueOf(i, k), k);
        if (ok) expected++;
        if (ok && chainPassed) expectedUnblocked++;
        if (!ok) gatePassed = false;
      }
      chainPassed = chainPassed && gatePassed;
    }
  }

  // Ours: compile once, evaluate every entity (gate DAG, blocking and root causes included).
  const facts: Map<string, Fact>[] = [];
  for (let i = 0; i < ENTITIES; i++) {
    const m = new Map<string, Fact>();
    for (let k = 0; k < CHECKS; k++) {
      const type = `evidence.bench.f${k}`;
      m.set(type, {
        entityRef: refOf(i),
        type,
        value: valueOf(i, k),
        source: 'evidence',
        observedAt,
      });
    }
    facts.push(m);
  }
  // Statuses only: the track compiled once into closures (what the scheduled re-evaluation runs for every entity).
  // Each side runs twice in this process and the faster run counts (the first one also pays for JIT warm-up).
  let oursMs = Infinity;
  let oursPasses = 0;
  for (let round = 0; round < 2; round++) {
    const start = performance.now();
    const evaluateStatuses = compileStatusEvaluator(compileTrack(track));
    let count = 0;
    for (let i = 0; i < ENTITIES; i++) {
      const { checks } = evaluateStatuses({
        entityRef: refOf(i),
        facts: facts[i],
        attestations: [],
        waivers: [],
        now,
      });
      for (let k = 0; k < checks.length; k++) if (checks[k] === 0) count++;
    }
    oursMs = Math.min(oursMs, performance.now() - start);
    oursPasses = count;
  }
  // Full detail (messages, evidence, root causes per gate), what a scorecard page shows for one entity.
  let detailMs = Infinity;
  for (let round = 0; round < 2; round++) {
    const start = performance.now();
    const compiled = compileTrack(track);
    for (let i = 0; i < ENTITIES; i++) {
      evaluateTrack(compiled, {
        entityRef: refOf(i),
        facts: facts[i],
        attestations: [],
        waivers: [],
        now,
      });
    }
    detailMs = Math.min(detailMs, performance.now() - start);
  }

  // The peer: the same 40 conditions as json-rules-engine checks over one fact retriever's facts.
  const names = Array.from({ length: CHECKS }, (_, k) => `f${k}`);
  const schema = Object.fromEntries(
    names.map(n => [n, { type: 'integer', description: n }]),
  );
  const byEntity = new Map<string, Record<string, number>>();
  for (let i = 0; i < ENTITIES; i++)
    byEntity.set(
      refOf(i),
      Object.fromEntries(names.map((n, k) => [n, valueOf(i, k)])),
    );
  const timestamp = DateTime.fromJSDate(now);
  const repository = {
    // Like the real store's SQL (WHERE id IN …): each retriever's row once, however many checks name it.
    getLatestFactsByIds: async (ids: string[], entity: string) =>
      Object.fromEntries(
        [...new Set(ids)].map(id => [
          id,
          {
            id,
            entity: {
              namespace: 'default',
              kind: 'component',
              name: entity.split('/')[1],
            },
            timestamp,
            version: '0.1.0',
            facts: byEntity.get(entity)!,
          },
        ]),
      ),
    getLatestSchemas: async (ids: string[]) =>
      [...new Set(ids)].map(id => ({
        id,
        version: '0.1.0',
        entityFilter: [{ kind: 'component' }],
        ...schema,
      })),
  } as unknown as TechInsightsStore;
  const checker = new JsonRulesEngineFactChecker({
    checks: names.map((n, k) => ({
      id: `c${k}`,
      type: 'json-rules-engine',
      name: `Check ${k}`,
      description: `Check ${k}`,
      factIds: ['bench'],
      rule: { conditions: { all: [{ fact: n, ...checkOf(k) }] } },
    })),
    repository,
    logger: quietLogger,
  });
  let peerMs = Infinity;
  let peerPasses = 0;
  for (let round = 0; round < 2; round++) {
    const start = performance.now();
    let count = 0;
    for (let i = 0; i < ENTITIES; i++) {
      for (const r of await checker.runChecks(refOf(i)))
        if (r.result === true) count++;
    }
    peerMs = Math.min(peerMs, performance.now() - start);
    peerPasses = count;
  }

  print(
    `(a) ${ENTITIES} entities × ${CHECKS} checks, facts in memory, same facts and equivalent checks`,
  );
  print(
    `    ours (statuses: checks compiled once into closures, gate DAG):         ${oursMs.toFixed(
      1,
    )} ms`,
  );
  print(
    `    ours with full detail (messages, evidence, root causes; not compared): ${detailMs.toFixed(
      1,
    )} ms`,
  );
  print(
    `    peer (JsonRulesEngineFactChecker.runChecks per entity, in-memory store): ${peerMs.toFixed(
      1,
    )} ms`,
  );
  print(
    `    passing checks: ours ${oursPasses} (expected ${expectedUnblocked}: later gates blocked), peer ${peerPasses} (expected ${expected})`,
  );
  print(`ratio: ${(peerMs / oursMs).toFixed(1)}`);
  if (oursPasses !== expectedUnblocked || peerPasses !== expected)
    throw new Error('an evaluator got the facts wrong');
}

async function partB(label: string, knex: Knex) {
  await applyDatabaseMigrations(knex);
  const evidence = DatabaseEvidenceStore.create(knex);
  const observed = new Date(Date.now() - 3600_000);
  const rows: object[] = [];
  let n = 0;
  for (let i = 0; i < ENTITIES; i++) {
    for (let k = 0; k < CHECKS; k++) {
      rows.push({
        id: `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`,
        entity_ref: refOf(i),
        type: `evidence.bench.f${k}`,
        value: String(valueOf(i, k)),
        observed_at: observed,
        recorded_at: observed,
        recorded_by: 'bench',
        demo: false,
      });
    }
  }
  const loadStart = performance.now();
  await knex.batchInsert('readiness_evidence', rows as any[], 50);
  // …and the latest-facts rows the store keeps beside the history (one per entity).
  const latestRows = Array.from({ length: ENTITIES }, (_, i) => ({
    entity_ref: refOf(i),
    facts: JSON.stringify(
      Object.fromEntries(
        Array.from({ length: CHECKS }, (__, k) => [
          `evidence.bench.f${k}`,
          {
            value: valueOf(i, k),
            observedAt: observed.toISOString(),
            recordedAt: observed.toISOString(),
          },
        ]),
      ),
    ),
  }));
  await knex.batchInsert('readiness_latest_facts', latestRows, 100);
  const loadMs = performance.now() - loadStart;

  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `svc-${i}`, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team',
    },
  }));
  const credentials: any = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'service', subject: 'bench' },
  };
  const tracks = TrackRegistry.fromTracks([loadTrack(track, 'bench')]);
  const service = ScorecardEvaluator.create({
    inputs: EvaluationInputs.create({
      tracks,
      factSources: [createEvidenceFactSource(evidence)],
      catalog: EntityCatalog.create({
        catalog: new InMemoryCatalogClient({ entities }) as any,
        auth: { getOwnServiceCredentials: async () => credentials } as any,
      }),
      attestations: DatabaseAttestationStore.create(knex),
      waivers: DatabaseWaiverStore.create(knex),
    }),
    results: DatabaseResultStore.create(knex),
    notifier: RegressionNotifier.create({ tracks, logger: quietLogger }),
  });
  const time = async () => {
    const start = performance.now();
    const { transitions } = await service.refresh(entities, credentials);
    return {
      s: (performance.now() - start) / 1000,
      transitions: transitions.length,
    };
  };
  const first = await time();
  const steady = await time();
  // 1 % of the entities get a new, failing fact for check 0 (through the evidence store), so their first gate regresses.
  for (let j = 0; j < Math.ceil(ENTITIES / 100); j++) {
    await evidence.record(
      {
        entityRef: refOf(j * 100),
        type: 'evidence.bench.f0',
        value: 0,
        observedAt: new Date().toISOString(),
      },
      'bench',
    );
  }
  const changed = await time();
  print(
    `(b) ${label}: ${ENTITIES} entities × ${CHECKS} facts (${
      rows.length
    } evidence rows, loaded in ${(loadMs / 1000).toFixed(1)} s)`,
  );
  print(
    `    first evaluation (every result is new):   ${first.s.toFixed(2)} s, ${
      first.transitions
    } transitions written`,
  );
  print(
    `    re-evaluation, nothing changed:           ${steady.s.toFixed(2)} s, ${
      steady.transitions
    } transitions written (target ≤ 2 s)`,
  );
  print(
    `    re-evaluation, 1 % of entities changed:   ${changed.s.toFixed(2)} s, ${
      changed.transitions
    } transitions written`,
  );
  if (steady.transitions !== 0 || changed.transitions === 0)
    throw new Error('transitions are not what they should be');
}

async function main() {
  if (PART === 'all' || PART === 'a') await partA();
  if (PART === 'all' || PART === 'b') {
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
