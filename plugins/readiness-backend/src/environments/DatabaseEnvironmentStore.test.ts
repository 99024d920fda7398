import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseEnvironmentStore } from './DatabaseEnvironmentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'EnvironmentStore on %p',
  databaseId => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 9, minute));
    const env = (
      name: string,
      tier: string,
      minute: number,
      system = 'system:default/rag-platform',
    ) => ({
      entityRef: `resource:default/${name}`,
      systemRef: system,
      tier,
      recordedBy: 'user:default/maria.garcia',
      recordedAt: at(minute),
    });

    it('records, lists by system, decommissions (kept), and records again', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseEnvironmentStore.create(knex);

      expect(
        await store.record({
          ...env('rag-prod-eu', 'production', 0),
          taskId: 'task-1',
        }),
      ).toEqual({
        created: true,
        environment: {
          entityRef: 'resource:default/rag-prod-eu',
          systemRef: 'system:default/rag-platform',
          tier: 'production',
          status: 'active',
          recordedBy: 'user:default/maria.garcia',
          recordedAt: at(0).toISOString(),
          taskId: 'task-1',
        },
      });
      // Recording it again changes nothing (a retried scaffolder task).
      const again = await store.record({
        ...env('rag-prod-eu', 'production', 5),
        recordedBy: 'user:default/sam.okafor',
      });
      expect(again.created).toBe(false);
      expect(again.environment.recordedBy).toBe('user:default/maria.garcia');

      await store.record(env('rag-staging', 'staging', 1));
      await store.record(
        env('billing-dev', 'dev', 2, 'system:default/billing'),
      );
      expect(
        (await store.list({ systemRefs: ['system:default/rag-platform'] })).map(
          e => e.entityRef,
        ),
      ).toEqual([
        'resource:default/rag-prod-eu',
        'resource:default/rag-staging',
      ]);
      expect(await store.list({ systemRefs: [] })).toEqual([]);
      expect(await store.list()).toHaveLength(3);

      const gone = await store.decommission(
        'resource:default/rag-prod-eu',
        'user:default/sam.okafor',
        at(10),
      );
      expect(gone).toMatchObject({
        status: 'decommissioned',
        decommissionedBy: 'user:default/sam.okafor',
        decommissionedAt: at(10).toISOString(),
      });
      // Decommissioning twice keeps the first record of it.
      expect(
        await store.decommission(
          'resource:default/rag-prod-eu',
          'user:default/other',
          at(20),
        ),
      ).toEqual(gone);
      expect(
        await store.decommission(
          'resource:default/never',
          'user:default/other',
          at(20),
        ),
      ).toBeUndefined();
      expect(
        (await store.list({ systemRefs: ['system:default/rag-platform'] })).map(
          e => e.entityRef,
        ),
      ).toEqual(['resource:default/rag-staging']);
      expect(
        await store.list({
          systemRefs: ['system:default/rag-platform'],
          includeDecommissioned: true,
        }),
      ).toHaveLength(2);

      // Provisioned again: active, with who and when of this time, and nothing of the decommission left.
      const back = await store.record({
        ...env('rag-prod-eu', 'production', 30),
        recordedBy: 'user:default/sam.okafor',
      });
      expect(back.created).toBe(true);
      expect(back.environment).toEqual({
        entityRef: 'resource:default/rag-prod-eu',
        systemRef: 'system:default/rag-platform',
        tier: 'production',
        status: 'active',
        recordedBy: 'user:default/sam.okafor',
        recordedAt: at(30).toISOString(),
      });
    });

    it('answers concurrent reads with one query, each its own environment', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseEnvironmentStore.create(knex);
      await store.record(env('rag-staging', 'staging', 1));
      await store.record(env('rag-prod', 'production', 2));
      await store.decommission(
        'resource:default/rag-prod',
        'user:default/sam.okafor',
        at(3),
      );
      const reads: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/^select/i.test(q.sql)) reads.push(q.sql);
      };
      knex.on('query', onQuery);
      const answers = await Promise.all(
        [
          'rag-staging',
          'rag-prod',
          'rag-missing',
          'rag-staging',
          'rag-prod',
        ].map(name => store.get(`resource:default/${name}`)),
      );
      knex.off('query', onQuery);
      // The first alone (nothing was running), the other four together.
      expect(reads).toHaveLength(2);
      expect(answers.map(a => a && `${a.entityRef} ${a.status}`)).toEqual([
        'resource:default/rag-staging active',
        'resource:default/rag-prod decommissioned',
        undefined,
        'resource:default/rag-staging active',
        'resource:default/rag-prod decommissioned',
      ]);
    });

    it('lets exactly one of concurrent recordings of the same environment create it', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseEnvironmentStore.create(knex);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.record({ ...env('rag-dev-2', 'dev', i) }),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.environment.recordedAt)).size).toBe(1);
    });
  },
);
