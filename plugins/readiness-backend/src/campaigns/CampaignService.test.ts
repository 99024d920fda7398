import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Track } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseResultStore } from '../scorecards/results/DatabaseResultStore';
import { loadTrack, TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';
import { WaiverService } from '../scorecards/waivers/WaiverService';
import { CampaignRegistry } from './CampaignRegistry';
import { CampaignService } from './CampaignService';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { CampaignDefinition } from './parseCampaign';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const check = (id: string) => ({
  id,
  title: `${id} test`,
  severity: 'high' as const,
  fact: `evidence.tests.${id}`,
  condition: { path: 'status', operator: 'equal' as const, value: 'passed' },
});
const track: Track = {
  apiVersion: 'readiness.io/v1',
  kind: 'Track',
  metadata: { name: 'ship', title: 'Ship' },
  spec: {
    appliesTo: [{ kind: 'Component' }],
    gates: [
      { id: 'built', title: 'Built', dependsOn: [], checks: [check('login')] },
      {
        id: 'released',
        title: 'Released',
        dependsOn: ['built'],
        checks: [check('smoke')],
      },
    ],
  },
};

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const entities = [
  component('api', 'group:default/team-a'),
  component('web', 'group:default/team-a'),
  component('billing', 'group:default/team-b'),
  component('ledger', 'group:default/team-b'),
  component('legacy', 'group:default/team-b'),
];

const campaign: CampaignDefinition = {
  id: 'ship-it',
  title: 'Ship it',
  owner: 'group:default/platform-team',
  draft: false,
  include: [{ kind: 'Component' }],
  exclude: ['component:default/legacy'],
  target: { trackId: 'ship', gateId: 'released' },
  startDate: '2026-11-02',
  targetDate: '2026-12-31',
  milestones: [],
  reminders: { digest: 'monday', beforeTarget: [7] },
  source: 'ship-it.yaml',
};

const KEYS = ['built/', 'built/login', 'released/', 'released/smoke'];
const failing = ['failed', 'fail', 'blocked', 'blocked'];
const passing = ['passed', 'pass', 'passed', 'pass'];

describe.each(databases.eachSupportedId())(
  'CampaignService on %p',
  databaseId => {
    it('records a burn-up day by day, forecasts it, marks the team whose trend misses the date, and reminds each owner once across replicas', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const results = DatabaseResultStore.create(knex);
      const save = (name: string, statuses: string[], day: string) =>
        results.saveStatuses([
          {
            entityRef: `component:default/${name}`,
            trackId: 'ship',
            evaluatedAt: `${day}T08:00:00.000Z`,
            keys: KEYS,
            statuses,
          },
        ]);
      let now = new Date('2026-11-02T09:00:00Z');
      const sent: NotificationSendOptions[] = [];
      const tracks = TrackRegistry.fromTracks([loadTrack(track, 'ship.yaml')]);
      const catalog = EntityCatalog.create({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
      });
      const waiverStore = DatabaseWaiverStore.create(knex);
      // Two replicas: their own services over one database.
      const replica = () =>
        CampaignService.create({
          campaigns: new CampaignRegistry([campaign]),
          tracks,
          catalog,
          results,
          waiverStore,
          waivers: WaiverService.create({
            catalog,
            tracks,
            store: waiverStore,
            maxWaiverDays: 90,
            evaluate: async () => undefined,
            now: () => now,
          }),
          store: DatabaseCampaignStore.create(knex),
          notifications: { send: async o => void sent.push(o) },
          userInfo: mockServices.userInfo(),
          logger: mockServices.logger.mock(),
          nudgeIntervalMs: 3_600_000,
          now: () => now,
        });
      const [one, two] = [replica(), replica()];

      // Week 1 (a Monday): nothing passes; ledger was never evaluated. The digest goes to both teams, once.
      for (const name of ['api', 'web', 'billing'])
        await save(name, failing, '2026-11-02');
      expect(await one.recordProgress()).toBe(1);
      await Promise.all([one.sendDueReminders(), two.sendDueReminders()]);
      expect(
        sent.map(s => (s.recipients as { entityRef: string }).entityRef).sort(),
      ).toEqual(['group:default/team-a', 'group:default/team-b']);
      expect(sent[0].payload.description).toContain('Weekly digest.');
      expect(await two.sendDueReminders()).toEqual([]);

      // Weeks 2 and 3: team-a gets api, then web, through; team-b does not move.
      now = new Date('2026-11-09T09:00:00Z');
      await save('api', passing, '2026-11-09');
      await two.recordProgress();
      now = new Date('2026-11-16T09:00:00Z');
      await save('web', passing, '2026-11-16');
      await one.recordProgress();
      await one.recordProgress(); // the same day again: replaced, not added

      const detail = await two.get('ship-it', mockCredentials.user());
      expect(detail.history).toEqual([
        { day: '2026-11-02', total: 4, done: 0, exempt: 0 },
        { day: '2026-11-09', total: 4, done: 1, exempt: 0 },
        { day: '2026-11-16', total: 4, done: 2, exempt: 0 },
      ]);
      expect(detail.progress).toEqual({
        total: 4,
        done: 2,
        notDone: 1,
        notMeasured: 1,
        exempt: 0,
      });
      // One more every week: two left take two weeks, by 30 November.
      expect(detail.forecast).toMatchObject({
        status: 'on-track',
        projectedDate: '2026-11-30',
      });
      expect(detail.teams.map(t => [t.owner, t.forecast.status])).toEqual([
        ['group:default/team-b', 'at-risk'],
        ['group:default/team-a', 'done'],
      ]);
      expect(detail.entities.map(e => [e.entityRef, e.state])).toEqual([
        ['component:default/billing', 'not-done'],
        ['component:default/ledger', 'not-measured'],
        ['component:default/api', 'done'],
        ['component:default/web', 'done'],
      ]);
      expect(detail.entities[0].needs).toEqual([
        '“login test” fails, in Built.',
      ]);

      // The list answers from what was recorded (as of the last run), not from results saved since.
      await save('ledger', passing, '2026-11-16');
      const [listed] = (await two.list(mockCredentials.user())).items;
      expect(listed.progress).toMatchObject({ done: 2, notMeasured: 1 });
      expect(listed.progressAsOf).toEqual(expect.any(String));
      expect(listed.forecast.projectedDate).toBe('2026-11-30');
      expect(
        (await two.get('ship-it', mockCredentials.user())).progress,
      ).toMatchObject({ done: 3, notMeasured: 0 });
      await one.recordProgress();
      expect(
        (await two.list(mockCredentials.user())).items[0].progress,
      ).toMatchObject({ done: 3, notMeasured: 0 });

      // Seven days before the target date (a Thursday): team-b alone is reminded, once.
      sent.length = 0;
      now = new Date('2026-12-24T09:00:00Z');
      const [a, b] = await Promise.all([
        one.sendDueReminders(),
        two.sendDueReminders(),
      ]);
      expect([...a, ...b]).toEqual([
        {
          campaignId: 'ship-it',
          kind: 'deadline-7',
          recipients: ['group:default/team-b'],
          entities: 1,
        },
      ]);
      expect(sent).toHaveLength(1);
      expect(sent[0].payload).toMatchObject({
        title:
          'Ship it: one of your entities is not done; due 31 December 2026',
        severity: 'normal',
      });

      // After the target date nothing is recorded or sent.
      now = new Date('2027-01-04T09:00:00Z');
      expect(await one.recordProgress()).toBe(0);
      expect(await one.sendDueReminders()).toEqual([]);
    });
  },
);
