import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { apiFeatures } from './features';
import {
  ciToken,
  environmentsDir,
  freePort,
  portalConfig,
} from './__testUtils__/portal';

jest.setTimeout(90_000);

/**
 * The whole portal backend, started the way `npm start` starts it (createBackend with every feature),
 * with only the config swapped for a test one.
 */
describe('the portal backend', () => {
  let backend: ReturnType<typeof createBackend>;
  let baseUrl: string;
  const call = (
    url: string,
    init: RequestInit = {},
    token: string | null = ciToken,
  ) =>
    fetch(`${baseUrl}${url}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });

  const previousNodeEnv = process.env.NODE_ENV;
  let metricsUrl: string;
  let exporter: { shutdown(): Promise<void> } | undefined;

  beforeAll(async () => {
    // As under `npm start`: the guest provider only signs people in during development.
    process.env.NODE_ENV = 'development';
    // As the image starts it: the OpenTelemetry SDK with the Prometheus exporter first (--require), on a free port.
    const metricsPort = await freePort();
    process.env.METRICS_PORT = String(metricsPort);
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exporter = require('./instrumentation').exporter;
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    backend = createBackend();
    for (const feature of apiFeatures) backend.add(feature);
    backend.add(mockServices.rootConfig.factory({ data: portalConfig(port) }));
    backend.add(mockServices.rootLogger.factory({ level: 'error' }));
    await backend.start();
  });

  afterAll(async () => {
    await backend?.stop();
    await exporter?.shutdown();
    delete process.env.METRICS_PORT;
    process.env.NODE_ENV = previousNodeEnv;
  });

  const waitForRagApi = async () => {
    const deadline = Date.now() + 60_000;
    let res = await call(
      '/api/catalog/entities/by-name/component/default/rag-api',
    );
    while (res.status !== 200 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 500));
      res = await call(
        '/api/catalog/entities/by-name/component/default/rag-api',
      );
    }
    return res;
  };

  const guestToken = async () => {
    const res = await call('/api/auth/guest/refresh', { method: 'POST' }, null);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.backstageIdentity.identity.userEntityRef).toBe(
      'user:development/guest',
    );
    return body.backstageIdentity.token as string;
  };

  it('signs a guest in and lets the guest read the catalog', async () => {
    const token = await guestToken();
    const res = await call(
      '/api/catalog/entities?filter=kind=system',
      {},
      token,
    );
    expect(res.status).toBe(200);
  });

  it("exports every plugin's metrics for Prometheus: readiness's beside the catalog's and the scheduler's", async () => {
    expect((await waitForRagApi()).status).toBe(200);
    const pushed = await call('/api/readiness/evidence', {
      method: 'POST',
      body: JSON.stringify({
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'failed' },
      }),
    });
    expect(pushed.status).toBe(201);
    const refreshed = await call(
      '/api/readiness/scorecards/component/default/rag-api/refresh',
      { method: 'POST' },
    );
    expect(refreshed.status).toBe(200);
    const wanted = [
      /^readiness_facts_ingested(_total)?\{[^}]*source="evidence"[^}]*\} [1-9]/m,
      /^readiness_evaluation_runs(_total)?\{[^}]*result="ok"[^}]*\} [1-9]/m,
      /^readiness_evaluation_duration(_seconds)?_count\{[^}]*\} [1-9]/m,
      /^readiness_tracks\{[^}]*state="loaded"[^}]*\} 3$/m,
      /^catalog_entities_count\{/m,
      /^backend_tasks_task_runs_(count|started)/m,
    ];
    const missing = (body: string) => wanted.filter(w => !w.test(body));
    const scrape = async () => (await fetch(metricsUrl)).text();
    let text = await scrape();
    const deadline = Date.now() + 45_000;
    while (missing(text).length > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 1000));
      text = await scrape();
    }
    for (const w of wanted)
      expect([w.source, w.test(text)]).toEqual([w.source, true]);
  });

  it('starts every plugin it wires', async () => {
    for (const pluginId of [
      'auth',
      'catalog',
      'scaffolder',
      'tech-insights',
      'notifications',
      'signals',
      'permission',
      'events',
      'readiness',
      'mcp-actions',
    ]) {
      const res = await call(
        `/api/${pluginId}/.backstage/auth/v1/jwks.json`,
        {},
        null,
      );
      expect([pluginId, res.status]).toEqual([pluginId, 200]);
    }
  });

  it('serves the tech-insights checks configured in app-config.yaml', async () => {
    const res = await call('/api/tech-insights/checks');
    expect(res.status).toBe(200);
    const checks = (await res.json()) as Array<{ id: string }>;
    expect(checks.map(c => c.id).sort()).toEqual([
      'descriptionCheck',
      'groupOwnerCheck',
      'readinessBackendVerified',
      'readinessDeploymentPrepared',
      'readinessNoRootCauses',
      'tagsCheck',
      'titleCheck',
    ]);
  });

  it('decides permissions with the readiness policy: a guest may not push evidence, but may do the rest', async () => {
    const token = await guestToken();
    const res = await call(
      '/api/permission/authorize',
      {
        method: 'POST',
        body: JSON.stringify({
          items: [
            {
              id: 'evidence',
              permission: {
                type: 'basic',
                name: 'readiness.evidence.create',
                attributes: { action: 'create' },
              },
            },
            {
              id: 'attest',
              permission: {
                type: 'basic',
                name: 'readiness.attestation.create',
                attributes: { action: 'create' },
              },
            },
            {
              id: 'catalog',
              permission: {
                type: 'basic',
                name: 'catalog.entity.delete',
                attributes: { action: 'delete' },
              },
            },
            {
              id: 'environment',
              permission: {
                type: 'basic',
                name: 'readiness.environment.record',
                attributes: { action: 'create' },
              },
            },
          ],
        }),
      },
      token,
    );
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([
      { id: 'evidence', result: 'DENY' },
      { id: 'attest', result: 'ALLOW' },
      { id: 'catalog', result: 'ALLOW' },
      { id: 'environment', result: 'DENY' },
    ]);
    // Environments are recorded by the templates, not by hand: the readiness backend answers a person 403.
    const byHand = await call(
      '/api/readiness/environments/default/rag-prod-eu',
      {
        method: 'PUT',
        body: JSON.stringify({ system: 'rag-platform', tier: 'production' }),
      },
      token,
    );
    expect(byHand.status).toBe(403);
  });

  it('takes evidence from CI with the static token and shows the seed: rag-api blocked by OIDC login', async () => {
    expect((await waitForRagApi()).status).toBe(200);
    const push = await call('/api/readiness/evidence', {
      method: 'POST',
      body: JSON.stringify({
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'failed' },
        externalId: 'backend-test-1',
      }),
    });
    expect(push.status).toBe(201);
    expect((await push.json()).recordedBy).toBe('backend-test');
    const card = await call(
      '/api/readiness/scorecards/component/default/rag-api',
    );
    expect(card.status).toBe(200);
    const { evaluations } = await card.json();
    const rag = evaluations.find(
      (e: any) => e.trackId === 'rag-production-readiness',
    );
    expect(rag.summary.nextGate).toBe('backend-verified');
    expect(rag.summary.blockers.map((b: any) => b.checkId)).toContain(
      'oidc-login',
    );
  });

  it('reads runbooks from where the catalog found rag-api, and escalates through the real notifications backend', async () => {
    expect((await waitForRagApi()).status).toBe(200);
    const token = await guestToken();
    const runbooks = await call(
      '/api/readiness/runbooks/component/default/rag-api',
      {},
      token,
    );
    expect(runbooks.status).toBe(200);
    const body = await runbooks.json();
    expect(body.runbooks.map((r: any) => [r.status, r.metadata.title])).toEqual(
      [
        ['ok', 'OIDC login outage'],
        ['ok', 'Roll back a RAG service'],
        ['ok', 'Disaster recovery'],
      ],
    );
    const escalation = await call(
      '/api/readiness/oncall/component/default/rag-api/escalations',
      {
        method: 'POST',
        body: JSON.stringify({
          reason: 'OIDC login fails for everyone',
          level: 2,
        }),
      },
      token,
    );
    // 201 only once the notifications backend has taken the notification for maria.garcia.
    expect([escalation.status, (await escalation.json()).notified]).toEqual([
      201,
      ['user:default/maria.garcia'],
    ]);
  });

  it('runs the rag-environment template through the scaffolder: validated, rendered, published, in the catalog', async () => {
    expect((await waitForRagApi()).status).toBe(200);
    const token = await guestToken();
    const values = {
      system: 'system:default/rag-platform',
      name: 'rag-staging-eu',
      tier: 'staging',
      region: 'eu-west-1',
      owner: 'group:default/rag-team',
      replicas: 3,
      vectorDbSize: 'medium',
      oidcIssuer: 'https://login.example.com/realms/rag',
      oidcClientId: 'rag-api',
    };
    const deadline = Date.now() + 60_000;
    let created = await call(
      '/api/scaffolder/v2/tasks',
      {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/rag-environment',
          values,
        }),
      },
      token,
    );
    // The template is read by the catalog shortly after start-up.
    while (created.status === 404 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 500));
      created = await call(
        '/api/scaffolder/v2/tasks',
        {
          method: 'POST',
          body: JSON.stringify({
            templateRef: 'template:default/rag-environment',
            values,
          }),
        },
        token,
      );
    }
    expect(created.status).toBe(201);
    const { id } = await created.json();
    let task: any;
    do {
      await new Promise(r => setTimeout(r, 500));
      task = await (
        await call(`/api/scaffolder/v2/tasks/${id}`, {}, token)
      ).json();
    } while (
      !['completed', 'failed'].includes(task.status) &&
      Date.now() < deadline
    );
    if (task.status !== 'completed') {
      const events = await (
        await call(`/api/scaffolder/v2/tasks/${id}/events`, {}, token)
      ).json();
      throw new Error(
        `task ${task.status}: ${events
          .map((e: any) => e.body.message)
          .filter(Boolean)
          .join('\n')}`,
      );
    }
    const published = path.join(environmentsDir, 'rag-staging-eu');
    expect(fs.readdirSync(published).sort()).toEqual([
      '.provisioned-by',
      'README.md',
      'catalog-info.yaml',
      'helm',
      'k8s',
      'monitoring',
    ]);
    expect(
      fs.readFileSync(path.join(published, 'helm/values-rag-api.yaml'), 'utf8'),
    ).toMatch(/^replicaCount: 3$/m);
    expect(
      fs.readFileSync(path.join(published, 'k8s/vector-db.yaml'), 'utf8'),
    ).toMatch(/replicas: 3\n/);
    const entity = await (
      await call(
        '/api/catalog/entities/by-name/resource/default/rag-staging-eu',
      )
    ).json();
    expect(entity.spec).toMatchObject({
      type: 'environment',
      owner: 'group:default/rag-team',
      system: 'system:default/rag-platform',
    });
    expect(entity.metadata.annotations['readiness.io/environment-tier']).toBe(
      'staging',
    );
    // Recorded with the readiness backend by the person who ran the template, so staging-scoped gates apply.
    const environments = async () =>
      (
        await (
          await call(
            '/api/readiness/environments?system=rag-platform&includeDecommissioned=true',
            {},
            token,
          )
        ).json()
      ).items.find(
        (e: any) => e.entityRef === 'resource:default/rag-staging-eu',
      );
    expect(await environments()).toMatchObject({
      systemRef: 'system:default/rag-platform',
      tier: 'staging',
      status: 'active',
      recordedBy: 'user:development/guest',
      taskId: id,
    });
    const events = await (
      await call(`/api/scaffolder/v2/tasks/${id}/events`, {}, token)
    ).json();
    const output = events.find((e: any) => e.type === 'completion')?.body
      .output;
    expect(output.links).toContainEqual({
      title: 'Readiness of the system',
      url: '/catalog/default/system/rag-platform/readiness',
    });
    expect(
      output.text.find((t: any) => t.title === 'Readiness').content,
    ).toContain(
      'Recorded with the readiness backend as a staging environment of\nsystem:default/rag-platform',
    );

    // And the compensating template takes it away again.
    const decommission = await call(
      '/api/scaffolder/v2/tasks',
      {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/rag-environment-decommission',
          values: {
            environment: 'resource:default/rag-staging-eu',
            reason: 'Only needed for this test',
          },
        }),
      },
      token,
    );
    expect(decommission.status).toBe(201);
    const decommissionId = (await decommission.json()).id;
    do {
      await new Promise(r => setTimeout(r, 500));
      task = await (
        await call(`/api/scaffolder/v2/tasks/${decommissionId}`, {}, token)
      ).json();
    } while (
      !['completed', 'failed'].includes(task.status) &&
      Date.now() < deadline + 30_000
    );
    expect(task.status).toBe('completed');
    expect(fs.existsSync(published)).toBe(false);
    expect(fs.readdirSync(path.join(environmentsDir, '.archive'))).toHaveLength(
      1,
    );
    expect(
      (
        await call(
          '/api/catalog/entities/by-name/resource/default/rag-staging-eu',
        )
      ).status,
    ).toBe(404);
    expect(await environments()).toMatchObject({
      status: 'decommissioned',
      decommissionedBy: 'user:development/guest',
    });
  });

  it('refuses template parameters that break the rules, before anything is written', async () => {
    const token = await guestToken();
    const run = async (values: object) => {
      const created = await call(
        '/api/scaffolder/v2/tasks',
        {
          method: 'POST',
          body: JSON.stringify({
            templateRef: 'template:default/rag-environment',
            values,
          }),
        },
        token,
      );
      return { status: created.status, body: await created.json() };
    };
    const base = {
      system: 'system:default/rag-platform',
      name: 'rag-qa',
      tier: 'staging',
      owner: 'group:default/rag-team',
      oidcIssuer: 'https://id.example.com',
      oidcClientId: 'rag-api',
    };
    const badName = await run({ ...base, name: 'Bad Name' });
    expect(badName.status).toBe(400);
    expect(JSON.stringify(badName.body)).toMatch(/name/);
    const badIssuer = await run({ ...base, oidcIssuer: 'http://insecure' });
    expect(badIssuer.status).toBe(400);
    expect(fs.existsSync(path.join(environmentsDir, 'rag-qa'))).toBe(false);
  });

  it('lists the scaffolder actions', async () => {
    const res = await call('/api/scaffolder/v2/actions');
    expect(res.status).toBe(200);
    const actions = (await res.json()) as Array<{ id: string }>;
    expect(actions.map(a => a.id)).toEqual(
      expect.arrayContaining([
        'fetch:template',
        'catalog:register',
        'readiness:gate:check',
        'readiness:environment:validate',
        'readiness:environment:provision',
        'readiness:environment:decommission',
      ]),
    );
  });

  it('ingests the demo catalog', async () => {
    const res = await waitForRagApi();
    expect(res.status).toBe(200);
    expect((await res.json()).spec.owner).toBe('group:default/rag-team');
  });

  it('refuses requests without credentials, and with a wrong token', async () => {
    for (const url of [
      '/api/catalog/entities',
      '/api/tech-insights/checks',
      '/api/notifications/',
    ]) {
      expect([url, (await call(url, {}, null)).status]).toEqual([url, 401]);
      expect([
        url,
        (await call(url, {}, 'not-the-token-xxxxxxxxxxxxxx')).status,
      ]).toEqual([url, 401]);
    }
  });
});
