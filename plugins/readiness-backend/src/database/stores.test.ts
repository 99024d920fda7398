import { TestDatabases } from '@backstage/backend-test-utils';
import { TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseEvidenceStore } from '../facts/evidence/DatabaseEvidenceStore';
import { DatabaseAttestationStore } from '../scorecards/attestations/DatabaseAttestationStore';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';
import { DatabaseResultStore } from '../scorecards/results/DatabaseResultStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

async function stores(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return {
    knex,
    evidence: DatabaseEvidenceStore.create(knex),
    attestations: DatabaseAttestationStore.create(knex),
    waivers: DatabaseWaiverStore.create(knex),
    results: DatabaseResultStore.create(knex),
  };
}

const api = 'component:default/rag-api';
const web = 'component:default/rag-web';

describe.each(databases.eachSupportedId())(
  'readiness stores on %p',
  databaseId => {
    describe('DatabaseEvidenceStore', () => {
      it('returns the latest evidence of each type per entity as facts', async () => {
        const { evidence } = await stores(databaseId);
        await evidence.record(
          {
            entityRef: api,
            type: 'evidence.tests.oidc-login',
            value: { status: 'passed' },
            observedAt: '2026-11-20T10:00:00Z',
          },
          'ci',
        );
        await evidence.record(
          {
            entityRef: api,
            type: 'evidence.tests.oidc-login',
            value: { status: 'failed' },
            observedAt: '2026-11-24T10:00:00Z',
            commitSha: 'abc123',
            url: 'https://ci.example.com/1',
          },
          'ci',
        );
        await evidence.record(
          {
            entityRef: api,
            type: 'evidence.coverage',
            value: { lines: 61.5 },
            observedAt: '2026-11-22T10:00:00Z',
          },
          'ci',
        );
        await evidence.record(
          {
            entityRef: web,
            type: 'evidence.tests.ui',
            value: { status: 'passed' },
            observedAt: '2026-11-21T10:00:00Z',
          },
          'ci',
        );

        const facts = await evidence.latestFacts([api]);
        facts.sort((a, b) => a.type.localeCompare(b.type));
        expect(facts).toEqual([
          {
            entityRef: api,
            type: 'evidence.coverage',
            value: { lines: 61.5 },
            source: 'evidence',
            observedAt: '2026-11-22T10:00:00.000Z',
          },
          {
            entityRef: api,
            type: 'evidence.tests.oidc-login',
            value: { status: 'failed' },
            source: 'evidence',
            observedAt: '2026-11-24T10:00:00.000Z',
            commitSha: 'abc123',
            url: 'https://ci.example.com/1',
          },
        ]);
        expect(
          await evidence.latestFacts([api, web], ['evidence.tests.ui']),
        ).toEqual([
          expect.objectContaining({
            entityRef: web,
            type: 'evidence.tests.ui',
          }),
        ]);
      });

      it('reads the latest facts of many entities, chunk after chunk', async () => {
        const { evidence } = await stores(databaseId);
        const refs = Array.from(
          { length: 1_234 },
          (_, i) => `component:default/svc-${i}`,
        );
        for (const [i, entityRef] of refs.entries()) {
          await evidence.record(
            {
              entityRef,
              type: 'evidence.coverage',
              value: i,
              observedAt: '2026-11-24T10:00:00Z',
            },
            'ci',
          );
        }
        const facts = await evidence.latestFacts([
          ...refs,
          'component:default/unknown',
        ]);
        // In no particular order: by entity.
        expect(new Map(facts.map(f => [f.entityRef, f.value]))).toEqual(
          new Map(refs.map((ref, i) => [ref, i])),
        );
        expect(facts).toHaveLength(refs.length);
      });

      it('is idempotent by externalId, and refuses different evidence under the same id', async () => {
        const { evidence, knex } = await stores(databaseId);
        const push = {
          entityRef: api,
          type: 'evidence.tests.api',
          value: { status: 'passed' },
          observedAt: '2026-11-24T10:00:00Z',
          externalId: 'run-42',
        };
        const first = await evidence.record(push, 'ci');
        const again = await evidence.record(push, 'ci');
        expect(first.created).toBe(true);
        expect(again).toEqual({ evidence: first.evidence, created: false });
        await expect(
          evidence.record({ ...push, value: { status: 'failed' } }, 'ci'),
        ).rejects.toMatchObject({
          name: 'ConflictError',
        });
        const [{ count }] = await knex('readiness_evidence').count({
          count: '*',
        });
        expect(Number(count)).toBe(1);
      });

      it('a retry that does not say when it was observed matches the first push of its externalId', async () => {
        const { evidence } = await stores(databaseId);
        const push = {
          entityRef: api,
          type: 'evidence.tests.api',
          value: { status: 'passed' },
          externalId: 'run-43',
          observedAtDefaulted: true,
        };
        const first = await evidence.record(
          { ...push, observedAt: '2026-11-24T10:00:00Z' },
          'ci',
        );
        const retry = await evidence.record(
          { ...push, observedAt: '2026-11-24T10:05:00Z' },
          'ci',
        );
        expect(retry).toEqual({ evidence: first.evidence, created: false });
        // Saying a different time is different evidence.
        const { observedAtDefaulted: _, ...explicit } = push;
        await expect(
          evidence.record(
            { ...explicit, observedAt: '2026-11-24T10:05:00Z' },
            'ci',
          ),
        ).rejects.toMatchObject({ name: 'ConflictError' });
      });

      it('records each of many concurrent pushes of one externalId exactly once', async () => {
        const { evidence, knex } = await stores(databaseId);
        const push = {
          entityRef: api,
          type: 'evidence.tests.api',
          value: { status: 'passed' },
          observedAt: '2026-11-24T10:00:00Z',
          externalId: 'run-race',
        };
        const results = await Promise.all(
          Array.from({ length: 10 }, () => evidence.record(push, 'ci')),
        );
        expect(results.filter(r => r.created)).toHaveLength(1);
        expect(new Set(results.map(r => r.evidence.id)).size).toBe(1);
        const [{ count }] = await knex('readiness_evidence').count({
          count: '*',
        });
        expect(Number(count)).toBe(1);
      });
    });

    it('writes concurrent pushes together, each as if alone and in order', async () => {
      const { evidence, knex } = await stores(databaseId);
      const push = (over: object) =>
        evidence.record(
          {
            entityRef: api,
            type: 'evidence.tests.api',
            value: 'x',
            observedAt: '2026-11-24T10:00:00Z',
            ...over,
          },
          'ci',
        );
      await push({ type: 'evidence.kept', value: 'stored, newer' });
      await push({ externalId: 'held', value: 'held' });
      const inserts: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/insert into .readiness_evidence./i.test(q.sql))
          inserts.push(q.sql);
      };
      knex.on('query', onQuery);
      const results = await Promise.allSettled([
        // Alone: nothing was running when it was made.
        push({ value: 'first', observedAt: '2026-11-21T10:00:00Z' }),
        // Together, in the next group:
        push({ value: 'newest', observedAt: '2026-11-23T10:00:00Z' }),
        push({ value: 'older, later', observedAt: '2026-11-22T10:00:00Z' }),
        push({
          type: 'evidence.kept',
          value: 'older than stored',
          observedAt: '2026-11-01T10:00:00Z',
        }),
        push({ entityRef: web, type: 'evidence.tests.web', value: 'web' }),
        push({ externalId: 'held', value: 'held' }),
        push({ externalId: 'held', value: 'not what is held' }),
        push({ externalId: 'twice', value: 'twice', observedAt: '2026-11-02' }),
        push({ externalId: 'twice', value: 'twice', observedAt: '2026-11-02' }),
      ]);
      knex.off('query', onQuery);
      expect(inserts).toHaveLength(2);
      const outcome = results.map(r =>
        r.status === 'fulfilled' ? r.value.created : r.reason.name,
      );
      expect(outcome).toEqual([
        true,
        true,
        true,
        true,
        true,
        false,
        'ConflictError',
        true,
        false,
      ]);
      const latest = async (ref: string) =>
        Object.fromEntries(
          (await evidence.latestFacts([ref])).map(f => [f.type, f.value]),
        );
      expect(await latest(api)).toEqual({
        'evidence.tests.api': 'held',
        'evidence.kept': 'stored, newer',
      });
      expect(await latest(web)).toEqual({ 'evidence.tests.web': 'web' });
      const [{ count }] = await knex('readiness_evidence').count({
        count: '*',
      });
      // The two stored first, and six of the nine: the repeats of 'held' and 'twice' are not rows.
      expect(Number(count)).toBe(8);
    });

    it('keeps the latest of every type when many pushes for one entity race', async () => {
      const { evidence } = await stores(databaseId);
      await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          evidence.record(
            {
              entityRef: api,
              type: `evidence.race.t${k % 6}`,
              value: k,
              observedAt: `2026-11-2${k < 6 ? 0 : 1}T10:00:00Z`,
            },
            'ci',
          ),
        ),
      );
      const facts = await evidence.latestFacts([api]);
      expect(Object.fromEntries(facts.map(f => [f.type, f.value]))).toEqual({
        'evidence.race.t0': 6,
        'evidence.race.t1': 7,
        'evidence.race.t2': 8,
        'evidence.race.t3': 9,
        'evidence.race.t4': 10,
        'evidence.race.t5': 11,
      });
    });

    it('does not let older evidence, pushed late, replace newer', async () => {
      const { evidence } = await stores(databaseId);
      await evidence.record(
        {
          entityRef: api,
          type: 'evidence.tests.api',
          value: 'new',
          observedAt: '2026-11-24T10:00:00Z',
        },
        'ci',
      );
      await evidence.record(
        {
          entityRef: api,
          type: 'evidence.tests.api',
          value: 'old',
          observedAt: '2026-11-20T10:00:00Z',
        },
        'ci',
      );
      expect((await evidence.latestFacts([api]))[0].value).toBe('new');
    });

    it('of two pushes observed at the same time, keeps the one recorded last; the other entity facts stay', async () => {
      const { evidence } = await stores(databaseId);
      const push = (type: string, value: string) =>
        evidence.record(
          {
            entityRef: api,
            type,
            value,
            observedAt: '2026-11-24T10:00:00Z',
            url: `https://ci.example.com/${value}`,
          },
          'ci',
        );
      await push('evidence.tests.api', 'first');
      await push('evidence.tests.ui', 'ui');
      await new Promise(r => setTimeout(r, 5));
      await push('evidence.tests.api', 'second');
      const facts = Object.fromEntries(
        (await evidence.latestFacts([api])).map(f => [f.type, f]),
      );
      expect(facts['evidence.tests.api']).toMatchObject({
        value: 'second',
        url: 'https://ci.example.com/second',
        observedAt: '2026-11-24T10:00:00.000Z',
      });
      expect(facts['evidence.tests.ui'].value).toBe('ui');
    });

    describe('DatabaseAttestationStore', () => {
      it('stores attestations with who, when, note and link', async () => {
        const { attestations } = await stores(databaseId);
        const created = await attestations.create({
          entityRef: api,
          trackId: 'rag-production-readiness',
          gateId: 'deployment-prepared',
          checkId: 'disaster-recovery-testing',
          attestedBy: 'user:default/maria.garcia',
          validUntil: '2027-02-23T00:00:00Z',
          note: 'Restored staging from last night’s backup in 14 minutes',
          link: 'https://wiki.example.com/dr-2026-11',
        });
        expect(created.validUntil).toBe('2027-02-23T00:00:00.000Z');
        expect(await attestations.listForEntities([api, web])).toEqual([
          created,
        ]);
        expect(await attestations.listForEntities([web])).toEqual([]);
      });
    });

    describe('DatabaseWaiverStore', () => {
      const request = {
        entityRef: api,
        trackId: 'rag-production-readiness',
        gateId: 'backend-verified',
        checkId: 'backend-coverage',
        reason: 'Coverage tooling broken by the Python 3.13 upgrade',
        requestedBy: 'user:default/sam.okafor',
        expiresAt: '2026-12-15T00:00:00Z',
      };

      it('requests, approves once, and revokes once', async () => {
        const { waivers } = await stores(databaseId);
        const requested = await waivers.request(request);
        expect(requested).toMatchObject({
          ...request,
          expiresAt: '2026-12-15T00:00:00.000Z',
        });
        expect(requested.approvedBy).toBeUndefined();

        const approved = await waivers.approve(
          requested.id,
          'user:default/maria.garcia',
        );
        expect(approved).toMatchObject({
          approvedBy: 'user:default/maria.garcia',
          approvedAt: expect.any(String),
        });
        expect(
          await waivers.approve(requested.id, 'user:default/li.wei'),
        ).toBeUndefined();

        const revoked = await waivers.revoke(
          requested.id,
          'user:default/li.wei',
        );
        expect(revoked).toMatchObject({ revokedBy: 'user:default/li.wei' });
        expect(
          await waivers.revoke(requested.id, 'user:default/li.wei'),
        ).toBeUndefined();
        expect(await waivers.listForEntities([api])).toEqual([revoked]);
        expect(
          await waivers.get('00000000-0000-0000-0000-000000000000'),
        ).toBeUndefined();
      });

      it('cannot approve a revoked request', async () => {
        const { waivers } = await stores(databaseId);
        const requested = await waivers.request(request);
        await waivers.revoke(requested.id, 'user:default/sam.okafor');
        expect(
          await waivers.approve(requested.id, 'user:default/maria.garcia'),
        ).toBeUndefined();
      });
    });

    describe('DatabaseResultStore', () => {
      const evaluation = (
        status: 'passed' | 'failed',
        at: string,
      ): TrackEvaluation => ({
        trackId: 'rag',
        entityRef: api,
        evaluatedAt: at,
        gates: [
          {
            gateId: 'backend-verified',
            status,
            blockedBy: [],
            rootCauses:
              status === 'failed'
                ? [
                    {
                      gateId: 'backend-verified',
                      checkId: 'oidc-login',
                      status: 'fail',
                      message: 'login failed',
                    },
                  ]
                : [],
            checks: [
              {
                checkId: 'oidc-login',
                status: status === 'passed' ? 'pass' : 'fail',
                message: 'm',
              },
              { checkId: 'api-tests', status: 'pass', message: 'm' },
            ],
          },
        ],
        summary: {
          gatesPassed: status === 'passed' ? 1 : 0,
          gatesTotal: 1,
          blockers: [],
        },
      });

      it('writes only transitions to history, and knows since when a status holds', async () => {
        const { results, knex } = await stores(databaseId);
        const first = await results.saveEvaluations([
          evaluation('passed', '2026-11-20T10:00:00Z'),
        ]);
        expect(first.map(t => [t.gateId, t.checkId, t.from, t.to])).toEqual([
          ['backend-verified', '', undefined, 'passed'],
          ['backend-verified', 'oidc-login', undefined, 'pass'],
          ['backend-verified', 'api-tests', undefined, 'pass'],
        ]);
        expect(
          await results.saveEvaluations([
            evaluation('passed', '2026-11-21T10:00:00Z'),
          ]),
        ).toEqual([]);
        const regressed = await results.saveEvaluations([
          evaluation('failed', '2026-11-22T10:00:00Z'),
        ]);
        expect(regressed.map(t => [t.checkId, t.from, t.to])).toEqual([
          ['', 'passed', 'failed'],
          ['oidc-login', 'pass', 'fail'],
        ]);

        const current = await results.current(api);
        expect(current.get('rag/backend-verified/')).toEqual({
          status: 'failed',
          since: '2026-11-22T10:00:00.000Z',
        });
        expect(current.get('rag/backend-verified/api-tests')).toEqual({
          status: 'pass',
          since: '2026-11-20T10:00:00.000Z',
        });
        const many = await results.currentMany([
          api,
          'component:default/nothing-stored',
        ]);
        expect([...many.keys()]).toEqual([api]);
        expect(many.get(api)).toEqual([
          {
            trackId: 'rag',
            evaluatedAt: expect.any(String),
            statuses: expect.objectContaining({
              'backend-verified/': 'failed',
              'backend-verified/api-tests': 'pass',
            }),
          },
        ]);

        const history = await results.history(api, { limit: 10 });
        expect(history).toHaveLength(5);
        expect(history[0]).toMatchObject({ at: '2026-11-22T10:00:00.000Z' });
        expect(
          await results.history(api, {
            limit: 10,
            before: '2026-11-22T00:00:00Z',
          }),
        ).toHaveLength(3);
        expect(
          await results.history(api, { limit: 10, trackId: 'other' }),
        ).toEqual([]);
        const [{ count }] = await knex('readiness_history').count({
          count: '*',
        });
        expect(Number(count)).toBe(5);
      });

      it('writes the statuses of many entities in chunks', async () => {
        const { results, knex } = await stores(databaseId);
        const snapshots = (at: string, status: string) =>
          Array.from({ length: 1_700 }, (_, i) => ({
            entityRef: `component:default/svc-${i}`,
            trackId: 'bench',
            evaluatedAt: at,
            keys: ['gate/', 'gate/check'],
            statuses: [status, status],
          }));
        const first = await results.saveStatuses(
          snapshots('2026-11-20T10:00:00Z', 'p'),
        );
        expect(first).toHaveLength(3_400);
        const [{ count }] = await knex('readiness_history').count({
          count: '*',
        });
        expect(Number(count)).toBe(3_400);
        expect(
          (await results.currentMany(['component:default/svc-1699'])).get(
            'component:default/svc-1699',
          ),
        ).toEqual([
          expect.objectContaining({
            trackId: 'bench',
            statuses: { 'gate/': 'p', 'gate/check': 'p' },
          }),
        ]);
        // Again with every status changed: each chunk's transitions are written.
        const again = await results.saveStatuses(
          snapshots('2026-11-21T10:00:00Z', 'f'),
        );
        expect(again).toHaveLength(3_400);
        expect(
          (await results.currentMany(['component:default/svc-1699'])).get(
            'component:default/svc-1699',
          )?.[0].statuses,
        ).toEqual({ 'gate/': 'f', 'gate/check': 'f' });
        const [{ total }] = await knex('readiness_history').count({
          total: '*',
        });
        expect(Number(total)).toBe(6_800);
      });

      it('drops results of checks the track no longer has', async () => {
        const { results } = await stores(databaseId);
        await results.saveEvaluations([
          evaluation('passed', '2026-11-20T10:00:00Z'),
        ]);
        const smaller = evaluation('passed', '2026-11-21T10:00:00Z');
        smaller.gates[0].checks = smaller.gates[0].checks.slice(0, 1);
        await results.saveEvaluations([smaller]);
        expect([...(await results.current(api)).keys()].sort()).toEqual([
          'rag/backend-verified/',
          'rag/backend-verified/oidc-login',
        ]);
      });
    });
  },
);
