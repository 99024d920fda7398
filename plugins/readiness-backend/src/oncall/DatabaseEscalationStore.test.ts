import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseEscalationStore } from './DatabaseEscalationStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'EscalationStore on %p',
  databaseId => {
    it("stores escalations, lists them newest first, and counts a person's for the rate limit", async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseEscalationStore.create(knex);
      const at = (minute: number) =>
        new Date(Date.UTC(2026, 10, 25, 12, minute)).toISOString();
      const escalation = (
        id: string,
        minute: number,
        actor = 'user:default/maria.garcia',
        level = 1,
      ) => ({
        id,
        entityRef: 'component:default/rag-api',
        provider: 'oncall-as-code',
        level,
        reason: `reason ${id}`,
        actor,
        notified: ['user:default/sam.okafor'],
        message: 'Notified',
        createdAt: at(minute),
      });
      await store.add(escalation('00000000-0000-4000-8000-000000000001', 0));
      await store.add(
        escalation(
          '00000000-0000-4000-8000-000000000002',
          5,
          'user:default/sam.okafor',
          2,
        ),
      );
      await store.add({
        ...escalation(
          '00000000-0000-4000-8000-000000000003',
          10,
          'user:default/maria.garcia',
          3,
        ),
        externalId: 'pd-1',
      });

      const listed = await store.listForEntity('component:default/rag-api');
      expect(listed.map(e => [e.level, e.createdAt])).toEqual([
        [3, at(10)],
        [2, at(5)],
        [1, at(0)],
      ]);
      expect(listed[0]).toEqual({
        ...escalation(
          '00000000-0000-4000-8000-000000000003',
          10,
          'user:default/maria.garcia',
          3,
        ),
        externalId: 'pd-1',
      });
      expect(
        await store.listForEntity('component:default/rag-api', {
          since: new Date(at(5)),
          limit: 1,
        }),
      ).toHaveLength(1);
      expect(await store.listForEntity('component:default/other')).toEqual([]);

      expect(
        await store.countByActorSince(
          'user:default/maria.garcia',
          new Date(at(0)),
        ),
      ).toEqual({ count: 2, oldest: at(0) });
      expect(
        await store.countByActorSince(
          'user:default/maria.garcia',
          new Date(at(1)),
        ),
      ).toEqual({ count: 1, oldest: at(10) });
      expect(
        await store.countByActorSince('user:default/nobody', new Date(at(0))),
      ).toEqual({ count: 0 });
    });
  },
);
