import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const api = 'component:default/rag-api';
const staging = 'resource:default/rag-staging';
const production = 'resource:default/rag-production';

describe.each(databases.eachSupportedId())(
  'DatabaseDeploymentStore on %p',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      return { knex, store: DatabaseDeploymentStore.create(knex) };
    }

    const deploy = (overrides: object = {}) => ({
      entityRef: api,
      environment: staging,
      version: '1.4.0',
      status: 'in_progress' as const,
      startedAt: '2026-11-24T10:00:00Z',
      externalId: 'pipeline-1',
      ...overrides,
    });

    it('updates the record with the same externalId, validating status transitions', async () => {
      const { store: deployments, knex } = await store();
      const first = await deployments.record(deploy(), 'ci');
      expect(first.created).toBe(true);
      const done = await deployments.record(
        deploy({
          status: 'succeeded',
          finishedAt: '2026-11-24T10:05:00Z',
          url: 'https://ci.example.com/1',
        }),
        'ci',
      );
      expect(done).toMatchObject({
        created: false,
        deployment: {
          id: first.deployment.id,
          status: 'succeeded',
          finishedAt: '2026-11-24T10:05:00.000Z',
        },
      });
      // The same final state again is fine (idempotent); going back, or to another final state, is not.
      expect(
        (await deployments.record(deploy({ status: 'succeeded' }), 'ci'))
          .created,
      ).toBe(false);
      await expect(
        deployments.record(deploy({ status: 'in_progress' }), 'ci'),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        deployments.record(deploy({ status: 'failed' }), 'ci'),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        deployments.record(
          deploy({ status: 'succeeded', version: '9.9.9' }),
          'ci',
        ),
      ).rejects.toThrow(/another version/);
      // A succeeded deployment may later be marked rolled back.
      expect(
        (await deployments.record(deploy({ status: 'rolled_back' }), 'ci'))
          .deployment.status,
      ).toBe('rolled_back');
      expect(
        Number((await knex('readiness_deployments').count({ n: '*' }))[0].n),
      ).toBe(1);
    });

    it('creates one record when many requests with one externalId race', async () => {
      const { store: deployments, knex } = await store();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          deployments.record(deploy({ externalId: 'race' }), 'ci'),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.deployment.id)).size).toBe(1);
      expect(
        Number((await knex('readiness_deployments').count({ n: '*' }))[0].n),
      ).toBe(1);
    });

    it('inserts concurrent new events together, each answered as if alone', async () => {
      const { store: deployments, knex } = await store();
      await deployments.record(deploy({ externalId: 'held' }), 'ci');
      const inserts: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/insert into .readiness_deployments./i.test(q.sql))
          inserts.push(q.sql);
      };
      knex.on('query', onQuery);
      const results = await Promise.allSettled([
        deployments.record(deploy({ externalId: 'alone' }), 'ci'),
        ...['a', 'b', 'c'].map(id =>
          deployments.record(deploy({ externalId: id }), 'ci'),
        ),
        deployments.record(deploy({ externalId: undefined }), 'ci'),
        // Held before the group: an update.
        deployments.record(
          deploy({ externalId: 'held', status: 'succeeded' }),
          'ci',
        ),
        // Twice in the group: the first is the row, the second updates it.
        deployments.record(deploy({ externalId: 'new' }), 'ci'),
        deployments.record(
          deploy({ externalId: 'new', status: 'failed' }),
          'ci',
        ),
        deployments.record(
          deploy({ externalId: 'held', version: '9.9.9' }),
          'ci',
        ),
      ]);
      knex.off('query', onQuery);
      expect(
        results.map(r =>
          r.status === 'fulfilled'
            ? [r.value.created, r.value.deployment.status]
            : r.reason.name,
        ),
      ).toEqual([
        [true, 'in_progress'],
        [true, 'in_progress'],
        [true, 'in_progress'],
        [true, 'in_progress'],
        [true, 'in_progress'],
        [false, 'succeeded'],
        [true, 'in_progress'],
        [false, 'failed'],
        'ConflictError',
      ]);
      // The first alone, the rest in one statement; the group's turned-away events try once more, alone, on their
      // way to their update.
      expect(inserts.length).toBeLessThanOrEqual(2 + 3);
      // Eight events of 14 columns in one statement.
      expect(inserts[1].match(/\?|\$\d+/g)).toHaveLength(8 * 14);
      expect(
        Number((await knex('readiness_deployments').count({ n: '*' }))[0].n),
      ).toBe(7);
    });

    it('records a batch: new ones in bulk, repeats and updates in order, errors per item', async () => {
      const { store: deployments, knex } = await store();
      await deployments.record(
        deploy({ externalId: 'old', status: 'succeeded' }),
        'ci',
      );
      const results = await deployments.recordMany(
        [
          deploy({ externalId: 'a' }),
          deploy({ externalId: 'b', status: 'succeeded' }),
          deploy({
            externalId: 'a',
            status: 'succeeded',
            finishedAt: '2026-11-24T10:04:00Z',
          }),
          deploy({ externalId: 'old', status: 'in_progress' }),
          deploy({ externalId: undefined, version: '1.5.0' }),
          deploy({ externalId: 'a', status: 'failed' }),
        ],
        'ci',
      );
      expect(
        results.map(r => ('error' in r ? r.error.name : r.created)),
      ).toEqual([true, true, false, 'ConflictError', true, 'ConflictError']);
      const a = results[2] as { deployment: { id: string; status: string } };
      expect(a.deployment).toMatchObject({
        id: (results[0] as any).deployment.id,
        status: 'succeeded',
      });
      expect(
        Number((await knex('readiness_deployments').count({ n: '*' }))[0].n),
      ).toBe(4);
    });

    it('creates one record per externalId when batches with the same externalIds race', async () => {
      const { store: deployments, knex } = await store();
      const batch = Array.from({ length: 300 }, (_, i) =>
        deploy({ externalId: `e-${i}`, status: 'succeeded' }),
      );
      const runs = await Promise.all([
        deployments.recordMany(batch, 'ci'),
        deployments.recordMany([...batch].reverse(), 'ci'),
        deployments.recordMany(batch, 'ci'),
      ]);
      expect(runs.flat().filter(r => 'error' in r)).toEqual([]);
      expect(
        runs.flat().filter(r => !('error' in r) && r.created),
      ).toHaveLength(300);
      expect(
        Number((await knex('readiness_deployments').count({ n: '*' }))[0].n),
      ).toBe(300);
    });

    it('lists newest first with paging, and knows the latest and last successful deployment per environment', async () => {
      const { store: deployments } = await store();
      const versions = [
        ['1.0.0', 'succeeded', staging, '2026-11-20T10:00:00Z'],
        ['1.1.0', 'succeeded', staging, '2026-11-21T10:00:00Z'],
        ['1.2.0', 'failed', staging, '2026-11-22T10:00:00Z'],
        ['1.0.0', 'succeeded', production, '2026-11-20T12:00:00Z'],
      ] as const;
      for (const [version, status, environment, startedAt] of versions) {
        await deployments.record(
          {
            entityRef: api,
            environment,
            version,
            status,
            startedAt,
            finishedAt: startedAt,
          },
          'ci',
        );
      }
      const page = await deployments.list([api], { limit: 2, offset: 0 });
      expect(page.total).toBe(4);
      expect(page.items.map(d => d.version)).toEqual(['1.2.0', '1.1.0']);
      expect(
        (await deployments.list([api], { limit: 2, offset: 2 })).items.map(
          d => d.version,
        ),
      ).toEqual(['1.0.0', '1.0.0']);
      expect(
        (
          await deployments.list([api], {
            environment: production,
            limit: 10,
            offset: 0,
          })
        ).total,
      ).toBe(1);

      const states = (await deployments.states([api])).get(api)!;
      const byEnv = Object.fromEntries(
        states.map(s => [
          s.environment,
          [s.latest.version, s.latest.status, s.lastSuccessful?.version],
        ]),
      );
      expect(byEnv).toEqual({
        [staging]: ['1.2.0', 'failed', '1.1.0'],
        [production]: ['1.0.0', 'succeeded', '1.0.0'],
      });
      expect(
        (await deployments.recent(api, staging, 2)).map(d => d.status),
      ).toEqual(['failed', 'succeeded']);
      expect(
        await deployments.get('00000000-0000-4000-8000-000000000000'),
      ).toBeUndefined();
    });

    it('answers the newest deployments of many entities and environments in one call, like recent() for each', async () => {
      const { store: deployments } = await store();
      const web = 'component:default/rag-web';
      const started = Date.UTC(2026, 10, 20);
      for (let i = 0; i < 7; i++) {
        for (const [entityRef, environment] of [
          [api, staging],
          [api, production],
          [web, staging],
        ]) {
          if (entityRef === web && i > 2) continue;
          await deployments.record(
            deploy({
              entityRef,
              environment,
              version: `1.${i}.0`,
              status: i % 3 === 2 ? 'failed' : 'succeeded',
              startedAt: new Date(started + i * 3_600_000).toISOString(),
              externalId: `${entityRef}-${environment}-${i}`,
            }),
            'ci',
          );
        }
      }
      const pairs = [api, web, 'component:default/rag-retriever'].flatMap(
        entityRef =>
          [staging, production].map(environment => ({
            entityRef,
            environment,
          })),
      );
      const many = await deployments.recentMany(pairs, 4);
      const key = (e: string, env: string) => `${e}\u0000${env}`;
      expect([...many.keys()].sort()).toEqual(
        [key(api, production), key(api, staging), key(web, staging)].sort(),
      );
      for (const [entityRef, environment] of [
        [api, staging],
        [api, production],
        [web, staging],
      ]) {
        expect(many.get(key(entityRef, environment))).toEqual(
          await deployments.recent(entityRef, environment, 4),
        );
      }
      expect(many.get(key(api, staging))!.map(d => d.version)).toEqual([
        '1.6.0',
        '1.5.0',
        '1.4.0',
        '1.3.0',
      ]);
      expect(many.get(key(web, staging))!.map(d => d.version)).toEqual([
        '1.2.0',
        '1.1.0',
        '1.0.0',
      ]);
      expect((await deployments.recentMany([], 4)).size).toBe(0);
      // Only the pairs asked for: web to production has none; api to production is not asked.
      const some = await deployments.recentMany(
        [
          { entityRef: api, environment: staging },
          { entityRef: web, environment: production },
          { entityRef: api, environment: staging },
        ],
        2,
      );
      expect([...some.keys()]).toEqual([key(api, staging)]);
      expect(some.get(key(api, staging))!.map(d => d.version)).toEqual([
        '1.6.0',
        '1.5.0',
      ]);
    });
  },
);
