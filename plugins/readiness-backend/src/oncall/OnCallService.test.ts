import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { OnCallProvider } from '@readiness-io/plugin-readiness-node';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseEscalationStore } from './DatabaseEscalationStore';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { OnCallService, TooManyEscalationsError } from './OnCallService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rag-api', namespace: 'default' },
  spec: {},
};

/** A provider (as a module would add one) whose paging takes a while, so simultaneous escalations overlap. */
function slowProvider(
  delayMs: number,
  fail = false,
): OnCallProvider & { paged: number } {
  const provider = {
    id: 'slow-pager',
    paged: 0,
    supports: () => true,
    getShifts: async () => [],
    getEscalationLevels: async () => [
      {
        level: 1,
        timeoutMinutes: 15,
        targets: [
          {
            ref: 'user:default/sam.okafor',
            name: 'Sam Okafor',
            type: 'user' as const,
          },
        ],
      },
    ],
    escalate: async () => {
      await new Promise(r => setTimeout(r, delayMs));
      if (fail) throw new Error('pager unreachable');
      provider.paged++;
      return { notified: ['user:default/sam.okafor'], message: 'Paged' };
    },
  };
  return provider;
}

describe.each(databases.eachSupportedId())(
  'OnCallService escalations on %p',
  databaseId => {
    const service = async (provider: OnCallProvider, now?: () => Date) => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseEscalationStore.create(knex);
      return {
        store,
        oncall: new OnCallService({
          providers: [provider],
          store,
          catalog: EntityCatalog.create({
            catalog: catalogServiceMock({ entities: [entity] }),
            auth: mockServices.auth(),
          }),
          logger: mockServices.logger.mock(),
          rateLimit: { max: 3, windowMinutes: 10 },
          now,
        }),
      };
    };

    it("names the next hand-off, not the current person's next day of the same rotation", async () => {
      const day = (d: number, who: string) => ({
        start: `2026-12-0${d}T07:00:00.000Z`,
        end: `2026-12-0${d}T19:00:00.000Z`,
        source: 'business hours',
        target: {
          ref: `user:default/${who}`,
          name: who,
          type: 'user' as const,
        },
      });
      const provider = {
        ...slowProvider(0),
        getShifts: async () => [
          day(1, 'li.wei'),
          day(2, 'li.wei'),
          day(3, 'li.wei'),
          day(4, 'priya.nair'),
        ],
      };
      let clock = new Date();
      const { oncall } = await service(provider, () => clock);
      const at = async (iso: string) => {
        clock = new Date(iso);
        return oncall.summary(entity, mockCredentials.user());
      };
      const midday = await at('2026-12-01T12:00:00.000Z');
      expect(midday.current?.target.ref).toBe('user:default/li.wei');
      expect(midday.next?.target.ref).toBe('user:default/priya.nair');
      expect(midday.next?.start).toBe('2026-12-04T07:00:00.000Z');
      // At night nobody is on call: next is whoever starts first, even the person from yesterday.
      const night = await at('2026-12-01T22:00:00.000Z');
      expect(night.current).toBeUndefined();
      expect(night.next?.target.ref).toBe('user:default/li.wei');
      expect(night.next?.start).toBe('2026-12-02T07:00:00.000Z');
    });

    it('holds the per-person limit for simultaneous escalations: the first three go out, the rest are refused', async () => {
      const provider = slowProvider(150);
      const { oncall, store } = await service(provider);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          oncall.escalate(
            entity,
            { reason: `burst ${i}`, level: 1 },
            'user:default/li.wei',
          ),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(3);
      const refused = results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map(r => r.reason);
      expect(refused).toHaveLength(5);
      refused.forEach(e => expect(e).toBeInstanceOf(TooManyEscalationsError));
      expect(provider.paged).toBe(3);
      const stored = await store.listForEntity('component:default/rag-api', {
        limit: 20,
      });
      expect(stored).toHaveLength(3);
      expect(
        stored.every(
          e =>
            e.message === 'Paged' &&
            e.notified[0] === 'user:default/sam.okafor',
        ),
      ).toBe(true);
    });

    it('keeps no record of an escalation the provider could not send, and it does not count against the limit', async () => {
      const { oncall, store } = await service(slowProvider(0, true));
      await expect(
        oncall.escalate(
          entity,
          { reason: 'down', level: 1 },
          'user:default/li.wei',
        ),
      ).rejects.toThrow('pager unreachable');
      expect(await store.listForEntity('component:default/rag-api')).toEqual(
        [],
      );
      expect(
        await store.countByActorSince('user:default/li.wei', new Date(0)),
      ).toEqual({ count: 0 });
    });
  },
);
