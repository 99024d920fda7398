import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const ci = {
  header: () =>
    mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'readiness',
    }),
};
const maria = {
  header: () => mockCredentials.user.header('user:default/maria.garcia'),
};

const deployment = (overrides: object = {}) => ({
  entityRef: 'component:default/rag-api',
  environment: 'rag-staging',
  version: '1.4.0',
  status: 'succeeded',
  startedAt: '2026-11-24T10:00:00Z',
  finishedAt: '2026-11-24T10:06:00Z',
  commitSha: 'abc1234',
  url: 'https://ci.example.com/rag/rag-api/-/pipelines/1500',
  ...overrides,
});

describe('deployment routes', () => {
  let server: http.Server;
  const post = (body: object, as = ci) =>
    request(server)
      .post('/api/readiness/deployments')
      .set('Authorization', as.header())
      .send(body);
  const get = (url: string) =>
    request(server).get(url).set('Authorization', maria.header());

  beforeAll(async () => {
    ({ server } = (await startReadinessBackend()) as any);
  });

  it('records a deployment from CI, and the same externalId updates it (never a duplicate)', async () => {
    // 1.5.0 starts after 1.4.0 (recorded below), so it is the latest in staging.
    const later = {
      startedAt: '2026-11-24T12:00:00Z',
      finishedAt: '2026-11-24T12:07:00Z',
    };
    const started = await post(
      deployment({
        ...later,
        status: 'in_progress',
        finishedAt: undefined,
        externalId: 'rag-api-1500',
        version: '1.5.0',
      }),
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      environment: 'resource:default/rag-staging',
      status: 'in_progress',
      recordedBy: 'external:ci',
    });
    const finished = await post(
      deployment({
        ...later,
        status: 'failed',
        externalId: 'rag-api-1500',
        version: '1.5.0',
      }),
    );
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({
      id: started.body.id,
      status: 'failed',
    });
    const back = await post(
      deployment({
        ...later,
        status: 'in_progress',
        externalId: 'rag-api-1500',
        version: '1.5.0',
      }),
    );
    expect(back.status).toBe(409);
  });

  it.each([
    [
      { environment: 'rag-nowhere' },
      400,
      /environment: resource:default\/rag-nowhere is not a known environment/,
    ],
    [
      { environment: 'resource:default/rag-postgres' },
      400,
      /environment: .* is not a known environment/,
    ],
    [{ status: 'done' }, 400, /status/],
    [{ version: '' }, 400, /version/],
    [{ entityRef: 'component:default/ghost' }, 404, /No entity/],
  ])('rejects %j', async (overrides, status, message) => {
    const res = await post(deployment(overrides));
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('pages the history and shows the environment × version matrix, dev to production', async () => {
    await post(
      deployment({
        version: '1.3.0',
        startedAt: '2026-11-20T10:00:00Z',
        finishedAt: '2026-11-20T10:05:00Z',
      }),
    );
    await post(deployment({ version: '1.4.0' }));
    await post(
      deployment({
        environment: 'resource:default/rag-production',
        version: '1.3.0',
        startedAt: '2026-11-21T10:00:00Z',
        finishedAt: '2026-11-21T10:04:00Z',
      }),
    );

    const page = await get(
      '/api/readiness/deployments/component/default/rag-api?limit=2&offset=0',
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(4);
    expect(page.body.items).toHaveLength(2);
    const staging = await get(
      `/api/readiness/deployments/component/default/rag-api?environment=${encodeURIComponent(
        'resource:default/rag-production',
      )}`,
    );
    expect([staging.status, staging.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    expect(staging.body.items.map((d: any) => d.version)).toEqual(['1.3.0']);

    const matrix = await get(
      '/api/readiness/deployments/component/default/rag-api/environments',
    );
    expect(matrix.status).toBe(200);
    expect(matrix.body.rollbackWebhook).toEqual({ configured: false });
    expect(
      matrix.body.environments.map((e: any) => [
        e.environment,
        e.latest?.version,
        e.latest?.status,
        e.lastSuccessful?.version,
      ]),
    ).toEqual([
      ['resource:default/rag-dev', undefined, undefined, undefined],
      ['resource:default/rag-staging', '1.5.0', 'failed', '1.4.0'],
      ['resource:default/rag-production', '1.3.0', 'succeeded', '1.3.0'],
    ]);
    expect(matrix.body.environments[1].ageDays).toBeGreaterThan(0);

    const system = await get(
      '/api/readiness/systems/default/rag-platform/deployments',
    );
    expect(system.status).toBe(200);
    expect(system.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/rag-api',
      'component:default/rag-ingestion',
      'component:default/rag-retriever',
      'component:default/rag-web',
    ]);
    expect(system.body.environments).toHaveLength(3);
  });

  it('rolls back to the previous successful version and says that no webhook is configured', async () => {
    const latest = await post(
      deployment({
        version: '1.6.0',
        startedAt: '2026-11-25T08:00:00Z',
        finishedAt: '2026-11-25T08:05:00Z',
      }),
    );
    const res = await request(server)
      .post(`/api/readiness/deployments/${latest.body.id}/rollback`)
      .set('Authorization', maria.header())
      .send({ reason: 'p95 doubled' });
    expect(res.status).toBe(201);
    expect(res.body.deployment).toMatchObject({
      version: '1.4.0',
      status: 'in_progress',
      rollbackOf: latest.body.id,
      actor: 'user:default/maria.garcia',
    });
    expect(res.body.webhook).toEqual({
      configured: false,
      message: expect.stringContaining('No rollback webhook is configured'),
    });
    // The rolled-back deployment is marked, and cannot be rolled back twice.
    const again = await request(server)
      .post(`/api/readiness/deployments/${latest.body.id}/rollback`)
      .set('Authorization', maria.header());
    expect(again.status).toBe(409);
  });

  it('refuses a rollback with nothing to roll back to (409), by a service (403), or of an unknown deployment (404)', async () => {
    const only = await post(
      deployment({ entityRef: 'component:default/rag-web', version: '0.9.0' }),
    );
    const rollback = (id: string, as = maria) =>
      request(server)
        .post(`/api/readiness/deployments/${id}/rollback`)
        .set('Authorization', as.header());
    expect((await rollback(only.body.id)).status).toBe(409);
    expect((await rollback(only.body.id, ci)).status).toBe(403);
    expect(
      (await rollback('6f1c1a52-8f3e-4e59-9a43-2f4b5f7f0a01')).status,
    ).toBe(404);
    expect((await rollback('nope')).status).toBe(400);
  });
  it('records a batch with one result per item, and refuses a batch that is not one', async () => {
    const batch = (items: unknown, as = ci) =>
      request(server)
        .post('/api/readiness/deployments/batch')
        .set('Authorization', as.header())
        .send({ items });
    const res = await batch([
      deployment({
        externalId: 'batch-1',
        version: '2.0.0',
        startedAt: '2026-11-25T08:00:00Z',
      }),
      deployment({
        externalId: 'batch-1',
        version: '2.0.0',
        status: 'in_progress',
        startedAt: '2026-11-25T08:00:00Z',
      }),
      deployment({ environment: 'rag-nowhere' }),
      deployment({ entityRef: 'component:default/ghost' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.status)).toEqual([
      201, 409, 400, 404,
    ]);
    expect(res.body.items[2].error.message).toMatch(
      /^items\[2\]: environment: resource:default\/rag-nowhere is not a known environment/,
    );
    expect(res.body.items[0].deployment).toMatchObject({
      version: '2.0.0',
      recordedBy: 'external:ci',
    });
    expect((await batch([])).status).toBe(400);
    expect(
      (await batch(Array.from({ length: 501 }, () => deployment()))).status,
    ).toBe(400);
    expect(
      (await batch([{ ...deployment(), status: 'done' }])).body.error.message,
    ).toMatch(/status/);
    const anonymous = await request(server)
      .post('/api/readiness/deployments/batch')
      .set('Authorization', mockCredentials.none.header())
      .send({ items: [deployment()] });
    expect(anonymous.status).toBe(401);
  });
});

describe('rollback webhook', () => {
  it('calls the configured webhook with an HMAC-signed body', async () => {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> =
      [];
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>(r => hook.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${
      (hook.address() as AddressInfo).port
    }/rollback`;
    try {
      const { server } = (await startReadinessBackend({
        readinessConfig: {
          deployments: { rollbackWebhook: { url, secret: 'hook-secret' } },
        },
      })) as any;
      const post = (body: object) =>
        request(server)
          .post('/api/readiness/deployments')
          .set('Authorization', ci.header())
          .send(body);
      await post(
        deployment({ version: '2.0.0', startedAt: '2026-11-20T10:00:00Z' }),
      );
      const latest = await post(
        deployment({ version: '2.1.0', startedAt: '2026-11-24T10:00:00Z' }),
      );
      const res = await request(server)
        .post(`/api/readiness/deployments/${latest.body.id}/rollback`)
        .set('Authorization', maria.header());
      expect(res.status).toBe(201);
      expect(res.body.webhook).toEqual({
        configured: true,
        delivered: true,
        status: 202,
        message: expect.stringContaining('accepted'),
      });
      expect(received).toHaveLength(1);
      const expected = createHmac('sha256', 'hook-secret')
        .update(received[0].body)
        .digest('hex');
      expect(received[0].headers['x-readiness-signature']).toBe(
        `sha256=${expected}`,
      );
      expect(JSON.parse(received[0].body)).toMatchObject({
        event: 'readiness.rollback.requested',
        deployment: { version: '2.0.0', rollbackOf: latest.body.id },
        rolledBack: { version: '2.1.0' },
      });
    } finally {
      hook.close();
    }
  });
});
