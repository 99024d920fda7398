// (b) Full re-evaluation end to end on a database: read every fact, evaluate, write only the transitions.
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { applyDatabaseMigrations } from '../../src/database/migrations';
import { BulkColumn, bulkInsert } from '../../src/database/bulkInsert';
import { DatabaseEvidenceStore } from '../../src/facts/evidence/DatabaseEvidenceStore';
import { createEvidenceFactSource } from '../../src/facts/evidence/evidenceFactSource';
import { DatabaseAttestationStore } from '../../src/scorecards/attestations/DatabaseAttestationStore';
import { DatabaseWaiverStore } from '../../src/scorecards/waivers/DatabaseWaiverStore';
import { DatabaseResultStore } from '../../src/scorecards/results/DatabaseResultStore';
import {
  loadTrack,
  TrackRegistry,
} from '../../src/scorecards/tracks/TrackRegistry';
import { ScorecardEvaluator } from '../../src/scorecards/ScorecardEvaluator';
import { EvaluationInputs } from '../../src/scorecards/evaluation/EvaluationInputs';
import { RegressionNotifier } from '../../src/scorecards/RegressionNotifier';
import { EntityCatalog } from '../../src/catalog/EntityCatalog';
import { TrackPreviewService } from '../../src/preview/TrackPreviewService';
import {
  ENTITIES,
  CHECKS,
  print,
  quietLogger,
  track,
  refOf,
  valueOf,
} from './synthetic';

type EvidenceRow = {
  id: string;
  entity_ref: string;
  type: string;
  value: string;
  observed_at: Date;
  recorded_at: Date;
  recorded_by: string;
  demo: boolean;
};

const EVIDENCE_COLUMNS: BulkColumn<EvidenceRow>[] = [
  { name: 'id', pgType: 'uuid' },
  { name: 'entity_ref', pgType: 'text' },
  { name: 'type', pgType: 'text' },
  { name: 'value', pgType: 'text' },
  { name: 'observed_at', pgType: 'timestamptz' },
  { name: 'recorded_at', pgType: 'timestamptz' },
  { name: 'recorded_by', pgType: 'text' },
  { name: 'demo', pgType: 'boolean' },
];

export async function partB(label: string, knex: Knex) {
  await applyDatabaseMigrations(knex);
  const evidence = DatabaseEvidenceStore.create(knex);
  const observed = new Date(Date.now() - 3600_000);
  // The evidence history, written a thousand entities at a time (at 100,000 entities it is 4 million rows).
  const loadStart = performance.now();
  let n = 0;
  for (let from = 0; from < ENTITIES; from += 1000) {
    const rows: EvidenceRow[] = [];
    for (let i = from; i < Math.min(ENTITIES, from + 1000); i++) {
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
    await bulkInsert(knex, 'readiness_evidence', EVIDENCE_COLUMNS, rows);
  }
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
  await bulkInsert(
    knex,
    'readiness_latest_facts',
    [
      { name: 'entity_ref', pgType: 'text' },
      { name: 'facts', pgType: 'text' },
    ],
    latestRows,
  );
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
  const catalog = EntityCatalog.create({
    catalog: new InMemoryCatalogClient({ entities }) as any,
    auth: { getOwnServiceCredentials: async () => credentials } as any,
  });
  const inputs = EvaluationInputs.create({
    tracks,
    factSources: [createEvidenceFactSource(evidence)],
    catalog,
    attestations: DatabaseAttestationStore.create(knex),
    waivers: DatabaseWaiverStore.create(knex),
  });
  const service = ScorecardEvaluator.create({
    inputs,
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
    `(b) ${label}: ${ENTITIES} entities × ${CHECKS} facts (${n} evidence rows, loaded in ${(
      loadMs / 1000
    ).toFixed(1)} s)`,
  );
  print(
    `    first evaluation (every result is new):   ${first.s.toFixed(2)} s, ${
      first.transitions
    } transitions written (target ≤ 5 s at 10,000)`,
  );
  const perEntity = (seconds: number) =>
    `${((seconds * 1e6) / ENTITIES).toFixed(0)} µs`;
  print(
    `    per entity: first evaluation ${perEntity(
      first.s,
    )}, re-evaluation ${perEntity(
      steady.s,
    )} (BENCH_ENTITIES=100000 shows how it grows)`,
  );
  print(
    `    re-evaluation, nothing changed:           ${steady.s.toFixed(2)} s, ${
      steady.transitions
    } transitions written (target ≤ 1 s at 10,000)`,
  );
  print(
    `    re-evaluation, 1 % of entities changed:   ${changed.s.toFixed(2)} s, ${
      changed.transitions
    } transitions written`,
  );
  if (steady.transitions !== 0 || changed.transitions === 0)
    throw new Error('transitions are not what they should be');

  // Track preview: the same 40-check track with one threshold tightened (check 0: ≥ 20 → ≥ 30), over every entity,
  // reading the stored facts again — as POST /tracks/preview does after parsing.
  const preview = TrackPreviewService.create({
    catalog,
    tracks,
    inputs,
    knownFactTypes: [],
  });
  const tightened = loadTrack(
    {
      ...track,
      spec: {
        ...track.spec,
        gates: track.spec.gates.map((gate, g) =>
          g === 0
            ? {
                ...gate,
                checks: gate.checks.map((check, k) =>
                  k === 0
                    ? {
                        ...check,
                        condition: { ...check.condition!, value: 30 },
                      }
                    : check,
                ),
              }
            : gate,
        ),
      },
    },
    'bench-tightened',
  );
  // Check 0's value now: the 1 % above were set to 0 (already failing).
  const expected = Array.from({ length: ENTITIES }, (_, i) =>
    i % 100 === 0 ? 0 : valueOf(i, 0),
  ).filter(v => v >= 20 && v < 30).length;
  const previews: number[] = [];
  let answer;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    answer = await preview.compare(
      {
        before: tracks.get('bench'),
        after: tightened,
        comparedWith: 'loaded',
        source: 'bench',
      },
      entities,
      credentials,
    );
    previews.push((performance.now() - start) / 1000);
  }
  const median = [...previews].sort((x, y) => x - y)[2];
  const check0 = answer!.checks.find(c => c.checkId === 'c0');
  print(
    `    track preview, one threshold tightened:   ${median.toFixed(
      2,
    )} s median of 5 (${previews.map(p => p.toFixed(2)).join(', ')}), ${
      check0?.impact.newlyFailing.total
    } newly failing (target ≤ 1 s)`,
  );
  print(
    `    ratio: ${(median / steady.s).toFixed(
      2,
    )} (track preview ÷ full re-evaluation with nothing changed, same entities and facts)`,
  );
  if (check0?.impact.newlyFailing.total !== expected)
    throw new Error(
      `preview counted ${check0?.impact.newlyFailing.total} newly failing, expected ${expected}`,
    );
}
