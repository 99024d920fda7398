import request from 'supertest';
import { metrics } from '@opentelemetry/api';
import {
  DataPoint,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

/** Reads what the OpenTelemetry SDK collected, on demand (what a Prometheus scrape does). */
class CollectingReader extends MetricReader {
  protected async onShutdown() {}
  protected async onForceFlush() {}
}

describe('readiness metrics, through the real metrics service and the OpenTelemetry SDK', () => {
  const reader = new CollectingReader();
  let server: any;

  beforeAll(async () => {
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    ({ server } = await startReadinessBackend({
      features: [metricsServiceFactory, recordingNotifications().factory],
    }));
  });

  /** The data points of a metric, as attribute JSON → value. */
  async function points(name: string): Promise<Record<string, unknown>> {
    const { resourceMetrics } = await reader.collect();
    const found = resourceMetrics.scopeMetrics
      .flatMap(s => s.metrics)
      .find(m => m.descriptor.name === name);
    if (!found) return {};
    return Object.fromEntries(
      (found.dataPoints as DataPoint<unknown>[]).map(p => [
        JSON.stringify(p.attributes),
        p.value,
      ]),
    );
  }

  const ci = () =>
    mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'readiness',
    });
  const maria = () => mockCredentials.user.header('user:default/maria.garcia');

  it('counts ingested facts once per externalId, and rejected requests by status', async () => {
    const evidence = {
      entityRef: 'component:default/rag-api',
      type: 'evidence.tests.oidc-login',
      value: { status: 'failed' },
      observedAt: '2026-12-01T10:00:00Z',
      externalId: 'metrics-1',
    };
    for (const expected of [201, 200]) {
      const res = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci())
        .send(evidence);
      expect(res.status).toBe(expected);
    }
    await request(server)
      .post('/api/readiness/evidence')
      .set('Authorization', ci())
      .send({ ...evidence, type: 'not-evidence' })
      .expect(400);
    await request(server)
      .get('/api/readiness/scorecards/component/default/ghost')
      .set('Authorization', maria())
      .expect(404);
    expect(await points('readiness.facts.ingested')).toEqual({
      '{"source":"evidence"}': 1,
    });
    expect(await points('readiness.requests.rejected')).toEqual({
      '{"status":400}': 1,
      '{"status":404}': 1,
    });
    // Only the push counts as an ingestion error; the scorecard's 404 does not.
    expect(await points('readiness.ingestion.errors')).toEqual({
      '{"source":"evidence","status":400}': 1,
    });
    // Present from the start, so an alert's rate sees its first increment.
    expect(await points('readiness.database.unavailable')).toEqual({
      '{}': 0,
    });
  });

  it('records evaluation runs, their duration, entities and checks by status', async () => {
    const before = Date.now() / 1000;
    await request(server)
      .post('/api/readiness/scorecards/component/default/rag-api/refresh')
      .set('Authorization', maria())
      .expect(200);
    const runs = await points('readiness.evaluation.runs');
    expect(runs['{"result":"ok"}']).toBeGreaterThanOrEqual(1);
    const checks = await points('readiness.evaluation.checks');
    expect(checks['{"status":"fail"}']).toBeGreaterThanOrEqual(1);
    expect(
      Object.keys(checks).every(k => /^\{"status":"[a-z-]+"\}$/.test(k)),
    ).toBe(true);
    const duration = (await points('readiness.evaluation.duration'))['{}'] as {
      count: number;
      sum: number;
    };
    expect(duration.count).toBeGreaterThanOrEqual(1);
    expect(duration.sum).toBeGreaterThan(0);
    expect(
      (await points('readiness.evaluation.entities'))['{}'],
    ).toBeGreaterThanOrEqual(2);
    const lastSuccess = (await points('readiness.evaluation.last_success'))[
      '{}'
    ] as number;
    expect(lastSuccess).toBeGreaterThanOrEqual(before - 1);
    expect(lastSuccess).toBeLessThanOrEqual(Date.now() / 1000);
  });

  it('counts escalations by result, and reports the tracks loaded', async () => {
    await request(server)
      .post('/api/readiness/oncall/component/default/rag-api/escalations')
      .set('Authorization', maria())
      // Level 2 (a person): level 1 is whoever is on call, and the demo rota leaves nights uncovered.
      .send({ reason: 'OIDC logins fail in staging', level: 2 })
      .expect(201);
    expect(await points('readiness.escalations')).toEqual({
      '{"result":"sent"}': 1,
    });
    expect(await points('readiness.tracks')).toEqual({
      '{"state":"loaded"}': 2,
      '{"state":"failed"}': 0,
    });
  });
});
