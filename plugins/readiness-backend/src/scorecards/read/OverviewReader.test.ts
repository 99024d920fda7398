import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Track } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DatabaseResultStore } from '../results/DatabaseResultStore';
import { loadTrack, TrackRegistry } from '../tracks/TrackRegistry';
import { OverviewReader } from './OverviewReader';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const track: Track = {
  apiVersion: 'readiness.io/v1',
  kind: 'Track',
  metadata: { name: 'ship', title: 'Ship' },
  spec: {
    appliesTo: [{ kind: 'Component' }],
    gates: [
      {
        id: 'built',
        title: 'Built',
        dependsOn: [],
        checks: [
          {
            id: 'login',
            title: 'Login test',
            severity: 'high',
            fact: 'evidence.tests.login',
            condition: { path: 'status', operator: 'equal', value: 'passed' },
          },
        ],
      },
      {
        id: 'released',
        title: 'Released',
        dependsOn: ['built'],
        checks: [
          {
            id: 'smoke',
            title: 'Smoke test',
            severity: 'high',
            fact: 'evidence.tests.smoke',
            condition: { path: 'status', operator: 'equal', value: 'passed' },
          },
        ],
      },
    ],
  },
};

const component = (name: string, owner: string, system?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', title: name.toUpperCase() },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner,
    ...(system ? { system } : {}),
  },
});

const entities: Entity[] = [
  component('api', 'team-a', 'rag'),
  component('web', 'group:default/team-a', 'rag'),
  component('billing', 'team-b', 'finance'),
  component('new-one', 'team-b'),
  // The track does not apply to APIs: no row.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'rag-openapi', namespace: 'default' },
    spec: { type: 'openapi', owner: 'team-a', definition: '{}' },
  },
];

// Gates pass or fail, checks pass or fail (as the evaluator stores them).
const statuses = (built: string, login: string) => ({
  keys: ['built/', 'built/login', 'released/', 'released/smoke'],
  statuses: [built, login, 'blocked', 'blocked'],
});

describe.each(databases.eachSupportedId())('OverviewReader on %p', id => {
  const reader = async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const results = DatabaseResultStore.create(knex);
    const evaluatedAt = '2026-12-01T10:00:00.000Z';
    // api and web fail on the login test, billing has passed every gate; new-one was never evaluated.
    await results.saveStatuses([
      {
        entityRef: 'component:default/api',
        trackId: 'ship',
        evaluatedAt,
        ...statuses('failed', 'fail'),
      },
      {
        entityRef: 'component:default/web',
        trackId: 'ship',
        evaluatedAt,
        ...statuses('failed', 'fail'),
      },
      {
        entityRef: 'component:default/billing',
        trackId: 'ship',
        evaluatedAt,
        keys: ['built/', 'built/login', 'released/', 'released/smoke'],
        statuses: ['passed', 'pass', 'passed', 'pass'],
      },
    ]);
    return OverviewReader.create({
      catalog: EntityCatalog.create({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
      }),
      tracks: TrackRegistry.fromTracks([loadTrack(track, 'ship.yaml')]),
      results,
    });
  };
  const credentials = mockCredentials.user();
  const names = (rows: { entityRef: string }[]) =>
    rows.map(r => r.entityRef.replace('component:default/', '')).sort();

  it('has a row per entity the track applies to, with its next gate and root causes, and the most frequent causes', async () => {
    const overview = await (await reader()).getOverview(credentials);
    expect(names(overview.items)).toEqual(['api', 'billing', 'new-one', 'web']);
    const api = overview.items.find(r => r.entityRef.endsWith('/api'))!;
    expect(api).toMatchObject({
      status: 'failed',
      nextGate: 'built',
      gatesPassed: 0,
      gatesTotal: 2,
      rootCauses: [
        expect.objectContaining({ gateId: 'built', checkId: 'login' }),
      ],
    });
    expect(
      overview.items.find(r => r.entityRef.endsWith('/new-one'))!.status,
    ).toBe('not-evaluated');
    expect(overview.total).toBe(4);
    expect(overview.blocked).toBe(3);
    // Each entity once: billing is ready, api and web are not, new-one was never evaluated.
    expect(overview.entities).toEqual({
      total: 4,
      ready: 1,
      notReady: 2,
      notMeasured: 1,
    });
    expect(overview.teams).toEqual([
      {
        owner: 'group:default/team-a',
        total: 2,
        ready: 0,
        notReady: 2,
        notMeasured: 0,
      },
      {
        owner: 'group:default/team-b',
        total: 2,
        ready: 1,
        notReady: 0,
        notMeasured: 1,
      },
    ]);
    expect(overview.topRootCauses).toEqual([
      expect.objectContaining({
        title: 'Login test',
        gateTitle: 'Built',
        count: 2,
        entityRefs: ['component:default/api', 'component:default/web'],
      }),
    ]);
  });

  it('filters by owner and by system, given by name or by ref, in any case; the options come from every row', async () => {
    const overviews = await reader();
    for (const owner of ['team-a', 'group:default/team-a', 'TEAM-A']) {
      const overview = await overviews.getOverview(credentials, { owner });
      expect(names(overview.items)).toEqual(['api', 'web']);
      expect(overview.options.owners).toEqual([
        'group:default/team-a',
        'group:default/team-b',
      ]);
      expect(overview.options.systems).toEqual([
        'system:default/finance',
        'system:default/rag',
      ]);
    }
    for (const system of ['rag', 'system:default/rag', 'System:Default/RAG']) {
      const overview = await overviews.getOverview(credentials, { system });
      expect(names(overview.items)).toEqual(['api', 'web']);
    }
    const failing = await overviews.getOverview(credentials, {
      status: 'passed',
    });
    expect(names(failing.items)).toEqual(['billing']);
    expect(failing.topRootCauses).toEqual([]);
    expect(
      (await overviews.getOverview(credentials, { trackId: 'other' })).items,
    ).toEqual([]);
  });
});
