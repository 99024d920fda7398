import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const counts = (total: number, done: number, exempt = 0, notMeasured = 0) => ({
  total,
  done,
  exempt,
  notMeasured,
  notDone: total - done - exempt - notMeasured,
});

describe.each(databases.eachSupportedId())(
  'DatabaseCampaignStore on %p',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      return { knex, store: DatabaseCampaignStore.create(knex) };
    }

    it('keeps one snapshot per campaign and day, the last of the day winning, oldest first', async () => {
      const { store: s } = await store();
      await s.saveSnapshot({
        campaignId: 'c',
        day: '2026-12-02',
        progress: counts(4, 1),
        teams: { 'group:default/rag-team': counts(4, 1) },
      });
      await s.saveSnapshot({
        campaignId: 'c',
        day: '2026-11-25',
        progress: counts(4, 0, 0, 1),
        teams: {},
      });
      await s.saveSnapshot({
        campaignId: 'c',
        day: '2026-12-02',
        progress: counts(5, 2, 1),
        teams: {
          'group:default/rag-team': counts(4, 2, 1),
          'group:default/platform-team': counts(1, 0),
        },
      });
      await s.saveSnapshot({
        campaignId: 'other',
        day: '2026-12-02',
        progress: counts(1, 1),
        teams: {},
      });
      expect(await s.history('c')).toEqual([
        {
          campaignId: 'c',
          day: '2026-11-25',
          progress: counts(4, 0, 0, 1),
          teams: {},
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        {
          campaignId: 'c',
          day: '2026-12-02',
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          progress: counts(5, 2, 1),
          teams: {
            'group:default/rag-team': counts(4, 2, 1),
            'group:default/platform-team': counts(1, 0),
          },
        },
      ]);
      expect(await s.history('none')).toEqual([]);
    });

    it('lets one of many concurrent claims of a reminder win', async () => {
      const { store: s } = await store();
      const claims = await Promise.all(
        Array.from({ length: 8 }, () =>
          s.claimReminder('c', 'digest', '2026-12-07', ['group:default/a']),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await s.claimReminder('c', 'digest', '2026-12-14', [])).toBe(true);
      expect(await s.claimReminder('c', 'deadline-7', '2026-12-07', [])).toBe(
        true,
      );
    });

    it('allows a nudge once per interval, one of concurrent claims winning', async () => {
      const { store: s } = await store();
      const hour = 3_600_000;
      const t0 = new Date('2026-12-02T10:00:00Z');
      const first = await Promise.all(
        Array.from({ length: 6 }, () =>
          s.claimNudge('c', t0, hour, 'user:default/jordan.lee'),
        ),
      );
      expect(first.filter(c => c === true)).toHaveLength(1);
      const later = new Date(t0.getTime() + hour - 1000);
      expect(await s.claimNudge('c', later, hour, 'x')).toEqual({
        lastAt: t0,
      });
      expect(await s.claimNudge('other', later, hour, 'x')).toBe(true);
      const next = new Date(t0.getTime() + hour);
      const second = await Promise.all(
        Array.from({ length: 6 }, () => s.claimNudge('c', next, hour, 'x')),
      );
      expect(second.filter(c => c === true)).toHaveLength(1);
    });

    it('stores a waiver scoped to a campaign', async () => {
      const { knex } = await store();
      const waivers = DatabaseWaiverStore.create(knex);
      const w = await waivers.request({
        entityRef: 'component:default/rag-web',
        trackId: 't',
        gateId: 'g',
        checkId: '',
        campaignId: 'c',
        reason: 'retired in January',
        requestedBy: 'user:default/maria.garcia',
        expiresAt: '2027-01-31T00:00:00.000Z',
      });
      expect(w).toMatchObject({ campaignId: 'c', checkId: '' });
      const plain = await waivers.request({
        entityRef: 'component:default/rag-web',
        trackId: 't',
        gateId: 'g',
        checkId: 'k',
        reason: 'r',
        requestedBy: 'user:default/maria.garcia',
        expiresAt: '2027-01-31T00:00:00.000Z',
      });
      expect(plain.campaignId).toBeUndefined();
    });
  },
);
