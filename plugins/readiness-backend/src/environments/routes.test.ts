import http from 'node:http';
import request from 'supertest';
import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const maria = () => mockCredentials.user.header('user:default/maria.garcia');
// The scaffolder calls with its own service credentials and names the person who ran the template.
const scaffolder = () =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:scaffolder'),
    targetPluginId: 'readiness',
  });

const prodEu: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'rag-prod-eu',
    annotations: { 'readiness.io/environment-tier': 'production' },
  },
  spec: {
    type: 'environment',
    owner: 'group:default/rag-team',
    system: 'rag-platform',
  },
};

describe('environment routes', () => {
  let server: http.Server;
  const record = (body: object, as = scaffolder, name = 'rag-prod-eu') =>
    request(server)
      .put(`/api/readiness/environments/default/${name}`)
      .set('Authorization', as())
      .send(body);
  const productionGate = async () => {
    const res = await request(server)
      .get('/api/readiness/scorecards/component/default/rag-api')
      .set('Authorization', maria());
    const rag = res.body.evaluations.find(
      (e: any) => e.trackId === 'rag-production-readiness',
    );
    return {
      gate: rag.gates.find((g: any) => g.gateId === 'production-verified'),
      summary: rag.summary,
    };
  };
  const storedStatus = async () => {
    const res = await request(server)
      .get('/api/readiness/overview')
      .set('Authorization', maria());
    return res.body.items.find(
      (r: any) =>
        r.entityRef === 'component:default/rag-api' &&
        r.trackId === 'rag-production-readiness',
    )?.gates['production-verified'];
  };
  const eventually = async (fn: () => Promise<unknown>, expected: unknown) => {
    const deadline = Date.now() + 15_000;
    while ((await fn()) !== expected && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 200));
    expect(await fn()).toBe(expected);
  };

  beforeAll(async () => {
    ({ server } = (await startReadinessBackend({
      extraEntities: [prodEu],
    })) as any);
  });

  it('answers 401 without credentials', async () => {
    const none = mockCredentials.none.header();
    expect(
      (
        await request(server)
          .get('/api/readiness/environments')
          .set('Authorization', none)
      ).status,
    ).toBe(401);
    expect(
      (await record({ system: 'rag-platform', tier: 'production' }, () => none))
        .status,
    ).toBe(401);
  });

  it('makes the production gate apply once a production environment is recorded, and stop applying when it is decommissioned', async () => {
    const before = await productionGate();
    expect(before.gate).toMatchObject({
      status: 'not-applicable',
      environments: [],
      message: 'rag-platform has no production environment recorded yet.',
    });
    const applyingBefore = before.summary.gatesTotal;

    const created = await record({
      system: 'rag-platform',
      tier: 'production',
      taskId: 'task-42',
      requestedBy: 'user:default/maria.garcia',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      entityRef: 'resource:default/rag-prod-eu',
      systemRef: 'system:default/rag-platform',
      tier: 'production',
      status: 'active',
      recordedBy: 'user:default/maria.garcia',
      recordedAt: expect.any(String),
      taskId: 'task-42',
    });
    // A retried task records it again: nothing changes.
    const again = await record({
      system: 'system:default/rag-platform',
      tier: 'production',
      taskId: 'task-42',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);

    const after = await productionGate();
    // Applies now: blocked behind deployment-prepared, with its checks decided for rag-prod-eu underneath.
    expect(after.gate).toMatchObject({
      status: 'blocked',
      environments: ['rag-prod-eu'],
      blockedBy: ['deployment-prepared'],
    });
    expect(after.gate.checks[0]).toMatchObject({
      checkId: 'deployed-to-production',
      status: 'blocked',
      underlying: 'fail',
      message:
        'Deployed successfully to production: not decided until Backend verified (sprint 2) passes. Today: not measured: no successful deployment to rag-prod-eu has been recorded for rag-api.',
    });
    expect(after.summary.gatesTotal).toBe(applyingBefore + 1);

    // A deployment to it is what the check reads.
    const deployed = await request(server)
      .post('/api/readiness/deployments')
      .set('Authorization', scaffolder())
      .send({
        entityRef: 'component:default/rag-api',
        environment: 'rag-prod-eu',
        version: '1.0.0',
        status: 'succeeded',
        finishedAt: new Date().toISOString(),
      });
    expect(deployed.status).toBe(201);
    expect((await productionGate()).gate.checks[0]).toMatchObject({
      underlying: 'pass',
      message: expect.stringMatching(
        /^Deployed successfully to production: not decided until Backend verified \(sprint 2\) passes. Today: version 1.0.0, finished at .*, age 0 days.$/,
      ),
    });

    // The stored results (overview, tech-insights) follow in the background.
    await eventually(storedStatus, 'blocked');

    const listed = await request(server)
      .get('/api/readiness/environments?system=rag-platform')
      .set('Authorization', maria());
    expect(listed.body.items.map((e: any) => e.entityRef)).toEqual([
      'resource:default/rag-prod-eu',
    ]);

    const gone = await request(server)
      .post('/api/readiness/environments/default/rag-prod-eu/decommission')
      .set('Authorization', maria())
      .send({ requestedBy: 'user:default/someone-else' });
    expect(gone.status).toBe(200);
    // A person is recorded as themselves, whatever the body says.
    expect(gone.body).toMatchObject({
      status: 'decommissioned',
      decommissionedBy: 'user:default/maria.garcia',
    });
    expect((await productionGate()).gate.status).toBe('not-applicable');
    await eventually(storedStatus, 'not-applicable');
    expect(
      (
        await request(server)
          .get('/api/readiness/environments?system=rag-platform')
          .set('Authorization', maria())
      ).body.items,
    ).toEqual([]);
    const all = await request(server)
      .get(
        '/api/readiness/environments?system=rag-platform&includeDecommissioned=true',
      )
      .set('Authorization', maria());
    expect(all.body.items.map((e: any) => e.status)).toEqual([
      'decommissioned',
    ]);
  });

  it('rejects what it cannot record, naming the field', async () => {
    const unknownSystem = await record(
      { system: 'billing', tier: 'dev' },
      scaffolder,
      'billing-dev',
    );
    expect(unknownSystem.status).toBe(400);
    expect(unknownSystem.body.error.message).toBe(
      'system: no System system:default/billing in the catalog',
    );
    const notASystem = await record(
      { system: 'component:default/rag-api', tier: 'dev' },
      scaffolder,
      'x-dev',
    );
    expect(notASystem.status).toBe(400);
    expect(notASystem.body.error.message).toContain(
      "system: 'component:default/rag-api' is not a System",
    );
    const badTier = await record(
      { system: 'rag-platform', tier: 'Production!' },
      scaffolder,
      'x-dev',
    );
    expect(badTier.status).toBe(400);
    expect(badTier.body.error.message).toContain('tier');
    const missing = await record({ tier: 'dev' }, scaffolder, 'x-dev');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('system');

    expect(
      (
        await record(
          { system: 'rag-platform', tier: 'staging' },
          maria,
          'rag-staging-2',
        )
      ).status,
    ).toBe(201);
    const otherTier = await record(
      { system: 'rag-platform', tier: 'production' },
      maria,
      'rag-staging-2',
    );
    expect(otherTier.status).toBe(409);
    expect(otherTier.body.error.message).toBe(
      'resource:default/rag-staging-2 is already recorded as a staging environment of system:default/rag-platform; decommission it first',
    );
    const unknown = await request(server)
      .post('/api/readiness/environments/default/never-recorded/decommission')
      .set('Authorization', maria())
      .send({});
    expect(unknown.status).toBe(404);
  });
});
