import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { Entity } from '@backstage/catalog-model';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const maria = () => mockCredentials.user.header('user:default/maria.garcia');

describe('runbook routes', () => {
  let server: http.Server;
  let dir: string;
  const get = (url: string) =>
    request(server).get(url).set('Authorization', maria());

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-runbooks-'));
    await fs.writeFile(
      path.join(dir, 'good.md'),
      '---\ntitle: Queue stuck\nalerts: [QueueStuck]\nseverity: low\nlastReviewed: 2026-11-01\n---\n# Steps',
    );
    await fs.writeFile(
      path.join(dir, 'bad.md'),
      '---\ntitle: Typo\nseverity: urgent\n---\n# Body',
    );
    await fs.writeFile(
      path.join(dir, 'rules.yaml'),
      'groups:\n  - name: x\n    rules:\n      - { alert: QueueStuck, expr: up == 0 }\n      - { alert: DiskFull, expr: up == 0 }\n',
    );
    const worker: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'queue-worker',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${dir}/catalog-info.yaml`,
          'readiness.io/runbooks': 'good.md, bad.md, missing.md',
          'readiness.io/prometheus-rules': 'rules.yaml',
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/rag-team',
        lifecycle: 'experimental',
      },
    };
    ({ server } = (await startReadinessBackend({
      extraEntities: [worker],
      readinessConfig: { localRoots: [targetPaths.rootDir, dir] },
    })) as any);
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  it("lists rag-api's runbooks with their Markdown and front matter, and its alerts from the rules file", async () => {
    const res = await get('/api/readiness/runbooks/component/default/rag-api');
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/rag-api');
    expect(
      res.body.runbooks.map((r: any) => [r.target, r.status, r.metadata.title]),
    ).toEqual([
      ['runbooks/oidc-outage.md', 'ok', 'OIDC login outage'],
      ['runbooks/rollback.md', 'ok', 'Roll back a RAG service'],
      ['runbooks/disaster-recovery.md', 'ok', 'Disaster recovery'],
    ]);
    const oidc = res.body.runbooks[0];
    expect(oidc.metadata).toEqual({
      title: 'OIDC login outage',
      alerts: ['OidcLoginFailures', 'OidcTokenRefreshErrors'],
      owner: 'group:default/rag-team',
      lastReviewed: '2026-11-18',
      severity: 'critical',
    });
    expect(oidc.markdown).toMatch(/^\n?# OIDC login outage/);
    expect(oidc.url).toBe(
      `file:${path.join(
        targetPaths.rootDir,
        'examples/runbooks/oidc-outage.md',
      )}`,
    );
    expect(typeof oidc.reviewAgeDays).toBe('number');
    expect(res.body.alerts).toEqual([
      'DeploymentErrorRateHigh',
      'OidcLoginFailures',
      'OidcTokenRefreshErrors',
    ]);
    expect(res.body.uncoveredAlerts).toEqual([]);
  });

  it('says which alerts of rag-retriever no runbook covers', async () => {
    const res = await get(
      '/api/readiness/runbooks/component/default/rag-retriever',
    );
    expect(res.body.uncoveredAlerts).toEqual(['RetrieverLatencyHigh']);
  });

  it('lists a malformed and a missing runbook with their errors instead of dropping them', async () => {
    const res = await get(
      '/api/readiness/runbooks/component/default/queue-worker',
    );
    expect(res.status).toBe(200);
    expect(res.body.runbooks.map((r: any) => [r.target, r.status])).toEqual([
      ['good.md', 'ok'],
      ['bad.md', 'invalid'],
      ['missing.md', 'unreadable'],
    ]);
    expect(res.body.runbooks[1].errors).toEqual([
      'severity must be one of critical, high, medium, low, got "urgent"',
    ]);
    expect(res.body.runbooks[1].metadata.title).toBe('Typo');
    expect(res.body.runbooks[2].errors[0]).toMatch(/^not found/);
    expect(res.body.uncoveredAlerts).toEqual(['DiskFull']);
  });

  it('an entity without the annotation has no runbooks', async () => {
    const res = await get('/api/readiness/runbooks/component/default/rag-web');
    expect(res.status).toBe(200);
    expect(res.body.runbooks).toEqual([]);
  });

  it('finds the runbook that answers an alert', async () => {
    const res = await get('/api/readiness/runbooks/by-alert/OidcLoginFailures');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      alert: 'OidcLoginFailures',
      items: [
        expect.objectContaining({
          entityRef: 'component:default/rag-api',
          target: 'runbooks/oidc-outage.md',
          title: 'OIDC login outage',
          severity: 'critical',
        }),
      ],
    });
    const rollback = await get(
      '/api/readiness/runbooks/by-alert/DeploymentErrorRateHigh',
    );
    expect(rollback.body.items.map((i: any) => i.entityRef).sort()).toEqual([
      'component:default/rag-api',
      'component:default/rag-ingestion',
      'component:default/rag-retriever',
    ]);
    expect(
      (await get('/api/readiness/runbooks/by-alert/NobodyKnowsThis')).body,
    ).toEqual({ alert: 'NobodyKnowsThis', items: [] });
  });

  it('turns runbooks into facts the track checks', async () => {
    const scorecard = async (name: string) => {
      const res = await get(
        `/api/readiness/scorecards/component/default/${name}`,
      );
      const evaluation = res.body.evaluations.find(
        (e: any) => e.trackId === 'rag-production-readiness',
      );
      const gate = evaluation.gates.find(
        (g: any) => g.gateId === 'deployment-prepared',
      );
      return Object.fromEntries(gate.checks.map((c: any) => [c.checkId, c]));
    };
    // The gate is blocked by the failing OIDC login upstream; each check still says what it is on its own.
    const api = await scorecard('rag-api');
    expect(api['support-maintenance-procedures']).toMatchObject({
      status: 'blocked',
      underlying: 'pass',
      fact: { value: true },
    });
    // The disaster recovery runbook was last reviewed on 2026-05-20.
    expect(api['runbooks-reviewed']).toMatchObject({
      underlying: 'fail',
      fact: { source: 'runbooks' },
    });
    expect(api['runbooks-reviewed'].fact.value).toBeGreaterThan(180);
    expect(api['alerts-have-runbooks']).toMatchObject({
      underlying: 'pass',
      fact: { value: [] },
    });
    const retriever = await scorecard('rag-retriever');
    expect(retriever['alerts-have-runbooks']).toMatchObject({
      underlying: 'fail',
      fact: { value: ['RetrieverLatencyHigh'] },
    });
    expect(
      (await scorecard('rag-web'))['support-maintenance-procedures'],
    ).toMatchObject({ underlying: 'fail', fact: { value: false } });
  });

  it.each([
    ['/api/readiness/runbooks/component/default/ghost', 404],
    ['/api/readiness/runbooks/component/default/bad%20name', 400],
  ])('GET %s → %d', async (url, status) => {
    expect((await get(url)).status).toBe(status);
  });

  it('needs credentials', async () => {
    for (const url of [
      '/api/readiness/runbooks/component/default/rag-api',
      '/api/readiness/runbooks/by-alert/X',
    ]) {
      expect(
        (
          await request(server)
            .get(url)
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);
    }
  });
});
