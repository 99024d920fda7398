import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { evaluationSetup } from '../__testUtils__/evaluationSetup';
import { seedDemoEvidence } from '../facts/evidence/demoEvidence';
import { DatabaseResultStore } from './results/DatabaseResultStore';
import { loadTrack, TrackRegistry } from './tracks/TrackRegistry';
import { EvaluationQueue } from './EvaluationQueue';
import { ScorecardReader } from './read/ScorecardReader';
import { DatabaseScorecardViewStore } from './views/DatabaseScorecardViewStore';
import { ScorecardViews } from './views/ScorecardViews';
import { DatabaseEnvironmentStore } from '../environments/DatabaseEnvironmentStore';
import { seedDemoEnvironments } from '../environments/demoEnvironments';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

async function setUp(given: { tracks?: TrackRegistry } = {}) {
  const {
    knex,
    evidence,
    sent,
    entities,
    tracks,
    catalog,
    results,
    evaluator,
    logger,
  } = await evaluationSetup(await databases.init('SQLITE_3'), given);
  const queue = EvaluationQueue.create({ tracks, catalog, evaluator, logger });
  // These tests push evidence straight into the store: scorecards are evaluated on every read (no view is served
  // at a maximum age of 0). Views have their own tests.
  const scorecards = ScorecardReader.create({
    catalog,
    tracks,
    views: ScorecardViews.create({
      store: DatabaseScorecardViewStore.create(knex),
      tracks,
      evaluator,
      results,
      maxAgeMs: 0,
    }),
  });
  return { knex, evidence, queue, scorecards, sent, entities };
}

describe('EvaluationQueue and the scorecards it stores', () => {
  it('notifies the owning group when a gate that passed no longer does, once', async () => {
    const { evidence, queue, scorecards, sent } = await setUp();
    // service-baseline's "catalogued" gate passes for rag-api from the catalog alone.
    await queue.refreshAll();
    expect(sent).toEqual([]);
    const catalogued = await scorecards.getScorecard(
      'component:default/rag-api',
      await mockServices.auth().getOwnServiceCredentials(),
    );
    expect(
      catalogued.tracks.find(t => t.track.metadata.name === 'service-baseline')!
        .evaluation.gates[0].status,
    ).toBe('passed');

    // rag-api's backend gate: passing evidence first, then failing evidence → a regression.
    const push = (status: string, observedAt: string) =>
      evidence.record(
        {
          entityRef: 'component:default/rag-api',
          type: 'evidence.tests.oidc-login',
          value: { status },
          observedAt,
        },
        'ci',
      );
    await push('passed', '2026-11-20T10:00:00Z');
    await evidence.record(
      {
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.api',
        value: { status: 'passed' },
        observedAt: '2026-11-20T10:00:00Z',
      },
      'ci',
    );
    await evidence.record(
      {
        entityRef: 'component:default/rag-api',
        type: 'evidence.coverage',
        value: { lines: 80 },
        observedAt: '2026-11-20T10:00:00Z',
      },
      'ci',
    );
    await queue.refreshAfterFacts('component:default/rag-api');
    expect(sent).toEqual([]);

    await push('failed', '2026-11-24T10:00:00Z');
    await queue.refreshAfterFacts('component:default/rag-api');
    // Every component of the system reads rag-api's OIDC evidence, so each one's backend gate regressed.
    expect(sent.map(s => s.payload.title).sort()).toEqual([
      'RAG API: “Backend verified (sprint 2)” no longer passes',
      'RAG Ingestion: “Backend verified (sprint 2)” no longer passes',
      'RAG Retriever: “Backend verified (sprint 2)” no longer passes',
      'RAG Web: “Backend verified (sprint 2)” no longer passes',
    ]);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/rag-team' },
      payload: {
        severity: 'high',
        topic: 'readiness-regression',
        description: expect.stringContaining('OIDC'),
      },
    });

    // The description is the gate report in words: the headline, then the root cause as a sentence.
    const api = sent.find(s => s.payload.title.startsWith('RAG API'))!;
    expect(api.payload.description).toMatch(
      /^RAG API has not passed “Backend verified \(sprint 2\)” \(RAG production readiness\): it fails\.\n/,
    );
    expect(api.payload.description).not.toMatch(
      /evidence\.|\{"|component:default/,
    );

    // Nothing changed since: no second notification.
    await queue.refreshAll();
    expect(sent).toHaveLength(4);
  });

  it("evaluates gates scoped to an environment by the system's recorded environments, and a gate that stops applying is no regression", async () => {
    // A staging gate that passes from the catalog alone once it applies.
    const track = loadTrack(
      {
        apiVersion: 'readiness.io/v1',
        kind: 'Track',
        metadata: { name: 'staging', title: 'Staging' },
        spec: {
          appliesTo: [{ kind: 'Component', 'spec.system': 'rag-platform' }],
          gates: [
            {
              id: 'staging-owned',
              title: 'Staging owned',
              dependsOn: [],
              environment: 'staging',
              checks: [
                {
                  id: 'owner',
                  title: 'Owner',
                  severity: 'low',
                  fact: 'catalog.owner',
                  condition: { operator: 'exists' },
                },
              ],
            },
          ],
        },
      },
      'test',
    );
    const { knex, queue, sent } = await setUp({
      tracks: TrackRegistry.fromTracks([track]),
    });
    const environments = DatabaseEnvironmentStore.create(knex);
    const results = DatabaseResultStore.create(knex);
    const statusOf = async () =>
      (await results.current('component:default/rag-api')).get(
        'staging/staging-owned/',
      )?.status;

    await queue.refreshAll();
    expect(await statusOf()).toBe('not-applicable');
    await environments.record({
      entityRef: 'resource:default/rag-staging',
      systemRef: 'system:default/rag-platform',
      tier: 'staging',
      recordedBy: 'test',
      recordedAt: new Date(),
    });
    await queue.requestSystemRefresh('system:default/rag-platform');
    expect(await statusOf()).toBe('passed');
    await environments.decommission(
      'resource:default/rag-staging',
      'test',
      new Date(),
    );
    await queue.requestSystemRefresh('system:default/rag-platform');
    expect(await statusOf()).toBe('not-applicable');
    expect(sent).toEqual([]);
  });

  it('coalesces a burst of refresh requests into one evaluation per entity, in the background', async () => {
    const { queue } = await setUp();
    const spy = jest.spyOn(queue, 'refreshAfterFacts');
    await Promise.all([
      ...Array.from({ length: 20 }, () =>
        queue.requestRefresh('component:default/rag-api'),
      ),
      queue.requestRefresh('Component:default/rag-web'),
    ]);
    const refs = spy.mock.calls.map(([ref]) => ref);
    // The first request starts a run at once; everything that arrives meanwhile is coalesced into the next one.
    expect(
      refs.filter(r => r === 'component:default/rag-api').length,
    ).toBeLessThanOrEqual(2);
    expect(refs).toContain('component:default/rag-web');
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('seeds the demo evidence once, reproducing the seed report, and leaves it alone on restart', async () => {
    const { evidence, scorecards, knex } = await setUp();
    const logger = mockServices.logger.mock();
    expect(await seedDemoEvidence(evidence, logger)).toBe(10);
    expect(
      await seedDemoEvidence(
        evidence,
        logger,
        new Date(Date.now() + 86_400_000),
      ),
    ).toBe(0);
    expect(
      Number((await knex('readiness_evidence').count({ n: '*' }))[0].n),
    ).toBe(10);
    expect(
      await knex('readiness_evidence').where({ demo: false }).count({ n: '*' }),
    ).toEqual([{ n: 0 }]);
    // Dev and staging exist; production is what sprint 7 prepares.
    expect(
      await seedDemoEnvironments(DatabaseEnvironmentStore.create(knex), logger),
    ).toBe(2);
    expect(
      await seedDemoEnvironments(DatabaseEnvironmentStore.create(knex), logger),
    ).toBe(0);

    const card = await scorecards.getScorecard(
      'component:default/rag-web',
      await mockServices.auth().getOwnServiceCredentials(),
    );
    const rag = card.tracks.find(
      t => t.track.metadata.name === 'rag-production-readiness',
    )!.evaluation;
    expect(rag.summary.nextGate).toBe('backend-verified');
    // Everything after the backend is blocked; production-verified does not apply (no production environment).
    expect(rag.gates.filter(g => g.status === 'blocked')).toHaveLength(
      rag.gates.length - 2,
    );
    expect(
      rag.gates.find(g => g.gateId === 'production-verified')!.status,
    ).toBe('not-applicable');
    expect(rag.summary.gatesTotal).toBe(rag.gates.length - 1);
    const root = rag.gates.find(
      g => g.gateId === 'deployment-prepared',
    )!.rootCauses;
    expect(root.map(r => r.checkId)).toEqual([
      'oidc-login',
      'backend-api-tests',
      'backend-coverage',
    ]);
    expect(root[0].message).toContain('invalid_client');
  });
});
