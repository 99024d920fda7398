import { AddressInfo } from 'node:net';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  EntityScorecard,
  ReadinessClient,
  readinessOperations,
} from '@readiness-io/plugin-readiness-common';
import { spec } from './schema/openapi.generated';
import { startReadinessBackend } from './__testUtils__/startReadinessBackend';
import { recordingNotifications } from './__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

/** The typed client from readiness-common, against the real plugin: every operation of the spec. */
describe('ReadinessClient against the readiness backend', () => {
  let client: ReadinessClient;
  let asSam: ReadinessClient;
  let baseUrl: string;

  beforeAll(async () => {
    const { server } = await startReadinessBackend({
      tracks: ['rag-production-readiness'],
      features: [recordingNotifications().factory],
    });
    baseUrl = `http://localhost:${
      (server.address() as AddressInfo).port
    }/api/readiness`;
    const as = (user: string) =>
      new ReadinessClient({
        discoveryApi: { getBaseUrl: async () => baseUrl },
        fetchApi: {
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: {
                ...(init?.headers as object),
                Authorization: mockCredentials.user.header(user),
              },
            }),
        },
      });
    client = as('user:default/maria.garcia');
    asSam = as('user:default/sam.okafor');
  });

  it('joins each scorecard with the track definitions of its version, read once per version', async () => {
    // A second backend with another set of tracks, as during a rolling upgrade: scorecards and the track
    // definitions may come from either.
    const other = await startReadinessBackend({
      tracks: ['rag-production-readiness', 'service-baseline'],
    });
    const urlOf = (server: { address(): unknown }) =>
      `http://localhost:${
        (server.address() as AddressInfo).port
      }/api/readiness`;
    const origins = { scorecards: baseUrl, tracks: baseUrl };
    const asked: string[] = [];
    const rolling = new ReadinessClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: {
        fetch: (input, init) => {
          const url = String(input);
          const path = url.slice(baseUrl.length);
          const origin = path.startsWith('/tracks')
            ? origins.tracks
            : origins.scorecards;
          asked.push(path);
          return fetch(`${origin}${path}`, {
            ...init,
            headers: {
              ...(init?.headers as object),
              Authorization: mockCredentials.user.header(),
            },
          });
        },
      },
    });
    const names = (card: EntityScorecard) =>
      card.tracks.map(t => [t.track.metadata.name, t.evaluation.trackId]);

    const first = await rolling.getScorecard('component:default/rag-api');
    await rolling.getScorecard('component:default/rag-web');
    expect(names(first)).toEqual([
      ['rag-production-readiness', 'rag-production-readiness'],
    ]);
    expect(first.tracks[0].track.spec.gates[0].id).toBe('backend-verified');
    expect(asked).toEqual([
      '/scorecards/component/default/rag-api',
      '/tracks',
      '/scorecards/component/default/rag-web',
    ]);

    // The definitions now come from the other backend, the scorecards not yet: no wrong join, a clear error.
    origins.tracks = urlOf(other.server);
    await rolling.getTracks();
    await expect(
      rolling.getScorecard('component:default/rag-api'),
    ).rejects.toThrow(
      /evaluated with track definitions [0-9a-f]{16}, but the backend now has [0-9a-f]{16}; ask again/,
    );
    // Both from the other backend: joined with its definitions.
    origins.scorecards = urlOf(other.server);
    expect(
      names(await rolling.getScorecard('component:default/rag-api')),
    ).toEqual([
      ['rag-production-readiness', 'rag-production-readiness'],
      ['service-baseline', 'service-baseline'],
    ]);
    await other.stop();
  });

  it('knows exactly the operations of the spec', () => {
    const fromSpec = Object.values(spec.paths).flatMap(item =>
      Object.values(item).map((op: any) => op.operationId),
    );
    expect(Object.keys(readinessOperations).sort()).toEqual(fromSpec.sort());
  });

  it('calls every operation', async () => {
    expect((await client.getTracks()).map(t => t.metadata.name)).toEqual([
      'rag-production-readiness',
    ]);
    const evidence = await client.createEvidence({
      entityRef: 'component:default/rag-api',
      type: 'evidence.tests.oidc-login',
      value: { status: 'failed' },
    });
    expect(evidence.recordedBy).toBe('user:default/maria.garcia');

    const card = await client.getScorecard('component:default/rag-api');
    expect(card.tracks[0].evaluation.summary.nextGate).toBe('backend-verified');
    expect(
      (
        await client.getGate(
          'component:rag-api',
          'rag-production-readiness',
          'backend-verified',
        )
      ).gate.status,
    ).toBe('failed');
    await client.refreshScorecard('component:default/rag-api');
    const overview = await client.getOverview({
      trackId: 'rag-production-readiness',
    });
    const apiRow = overview.items.find(
      r => r.entityRef === 'component:default/rag-api',
    )!;
    expect(apiRow).toMatchObject({
      status: 'failed',
      nextGate: 'backend-verified',
      owner: 'group:default/rag-team',
      system: 'system:default/rag-platform',
    });
    expect(apiRow.rootCauses.map(c => c.checkId)).toContain('oidc-login');
    expect(apiRow.gates).toMatchObject({
      'backend-verified': 'failed',
      'deployment-prepared': 'blocked',
    });
    expect(overview.topRootCauses[0]).toMatchObject({
      title: expect.any(String),
      count: expect.any(Number),
    });
    // Nothing changed since the refresh before: nothing to write.
    expect(await client.refreshScorecard('component:default/rag-api')).toEqual(
      [],
    );
    expect(
      (
        await client.getScorecardHistory('component:default/rag-api', {
          limit: 5,
        })
      ).length,
    ).toBe(5);
    expect(
      (await client.getSystemReadiness('rag-platform')).rootCauses[0].checkId,
    ).toBe('oidc-login');

    const target = {
      entityRef: 'component:default/rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'refined',
      checkId: 'ux-review',
    };
    expect((await client.createAttestation(target)).attestedBy).toBe(
      'user:default/maria.garcia',
    );
    const waiver = await asSam.requestWaiver({
      ...target,
      checkId: 'no-critical-vulnerabilities',
      reason: 'Scanner outage this week, manual review done',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await client.approveWaiver(waiver.id)).approvedBy).toBe(
      'user:default/maria.garcia',
    );
    expect((await client.revokeWaiver(waiver.id)).revokedBy).toBe(
      'user:default/maria.garcia',
    );

    const first = await client.createDeployment({
      entityRef: 'component:default/rag-api',
      environment: 'rag-staging',
      version: '1.0.0',
      status: 'succeeded',
      startedAt: '2026-11-20T10:00:00Z',
    });
    const second = await client.createDeployment({
      entityRef: 'component:default/rag-api',
      environment: 'rag-staging',
      version: '1.1.0',
      status: 'succeeded',
    });
    const batch = await client.createDeployments([
      {
        entityRef: 'component:default/rag-web',
        environment: 'rag-dev',
        version: '0.9.0',
        status: 'succeeded',
        externalId: 'web-1',
      },
      {
        entityRef: 'component:default/rag-web',
        environment: 'rag-nowhere',
        version: '0.9.0',
        status: 'succeeded',
      },
    ]);
    expect(batch.map(b => b.status)).toEqual([201, 400]);
    expect(
      (
        await client.listDeployments('component:default/rag-api', {
          environment: 'resource:default/rag-staging',
          limit: 1,
        })
      ).total,
    ).toBe(2);
    expect(
      (await client.getDeploymentMatrix('component:default/rag-api'))
        .environments[1].latest?.version,
    ).toBe('1.1.0');
    expect(
      (await client.getSystemDeployments('rag-platform')).environments,
    ).toHaveLength(3);
    const rollback = await client.rollbackDeployment(
      second.id,
      'latency regression',
    );
    expect(rollback.deployment).toMatchObject({
      version: first.version,
      rollbackOf: second.id,
    });

    const runbooks = await client.getRunbooks('component:default/rag-api');
    expect(runbooks.runbooks.map(r => r.metadata.title)).toContain(
      'OIDC login outage',
    );
    expect(
      (await client.getRunbooksByAlert('OidcLoginFailures')).items[0].entityRef,
    ).toBe('component:default/rag-api');
    expect(
      (await client.getOnCall('component:default/rag-api')).levels,
    ).toHaveLength(3);
    const escalation = await client.escalate('component:default/rag-api', {
      reason: 'OIDC login down',
      level: 2,
    });
    expect(escalation.notified).toEqual(['user:default/maria.garcia']);
    expect(
      (await client.listEscalations('component:default/rag-api')).map(
        e => e.id,
      ),
    ).toEqual([escalation.id]);
  });

  it('throws ResponseErrors carrying the status and the backend message', async () => {
    await expect(
      client.getScorecard('component:default/ghost'),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: {
        error: { message: 'No entity component:default/ghost in the catalog' },
      },
    });
    await expect(client.getScorecard('not a ref')).rejects.toThrow(TypeError);
  });
});
