import { ConflictError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { EvidenceStore } from './EvidenceStore';

const DAY = 24 * 60 * 60 * 1000;

type DemoItem = {
  entityRef: string;
  type: string;
  value: JsonValue;
  daysAgo: number;
  run: number;
};

/**
 * The seed report as evidence: OIDC login fails on rag-api (since three days), so the backend gate fails and
 * every later gate is blocked behind it. What could run did (unit tests, scans, the pipeline); what needs a
 * working login was never run, so it has no evidence at all ("cannot measure").
 */
const items: DemoItem[] = [
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.tests.oidc-login',
    value: {
      status: 'failed',
      suite: 'tests/e2e/test_oidc_login.py',
      failed: 3,
      passed: 0,
      error:
        'invalid_client: client authentication failed at the token endpoint',
    },
    daysAgo: 3,
    run: 1412,
  },
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.tests.api',
    value: {
      status: 'failed',
      passed: 12,
      failed: 41,
      reason: 'requests rejected with 401 after the OIDC token exchange fails',
    },
    daysAgo: 3,
    run: 1412,
  },
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.coverage',
    value: { lines: 38.2, branches: 21.7 },
    daysAgo: 3,
    run: 1412,
  },
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.tests.unit',
    value: { status: 'passed', passed: 214, failed: 0 },
    daysAgo: 1,
    run: 1420,
  },
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.security-scan',
    value: { critical: 0, high: 2, medium: 7 },
    daysAgo: 1,
    run: 1420,
  },
  {
    entityRef: 'component:default/rag-api',
    type: 'evidence.pipeline',
    value: { status: 'passed' },
    daysAgo: 1,
    run: 1420,
  },
  {
    entityRef: 'component:default/rag-web',
    type: 'evidence.tests.unit',
    value: { status: 'passed', passed: 96, failed: 0 },
    daysAgo: 2,
    run: 877,
  },
  {
    entityRef: 'component:default/rag-web',
    type: 'evidence.security-scan',
    value: { critical: 0, high: 0, medium: 3 },
    daysAgo: 2,
    run: 877,
  },
  {
    entityRef: 'component:default/rag-retriever',
    type: 'evidence.tests.unit',
    value: { status: 'passed', passed: 158, failed: 0 },
    daysAgo: 2,
    run: 533,
  },
  {
    entityRef: 'component:default/rag-ingestion',
    type: 'evidence.tests.unit',
    value: { status: 'failed', passed: 61, failed: 2 },
    daysAgo: 4,
    run: 301,
  },
];

/**
 * Records the demo evidence through the evidence store, marked as demo data. Idempotent across restarts:
 * every item has a fixed externalId, and items already recorded are left as they are.
 */
export async function seedDemoEvidence(
  store: EvidenceStore,
  logger: LoggerService,
  now = new Date(),
): Promise<number> {
  let created = 0;
  for (const item of items) {
    const [, name] = item.entityRef.split('/');
    try {
      const result = await store.record(
        {
          entityRef: item.entityRef,
          type: item.type,
          value: item.value,
          observedAt: new Date(
            now.getTime() - item.daysAgo * DAY,
          ).toISOString(),
          commitSha: `d3m0${item.run.toString(16).padStart(4, '0')}c0ffee`,
          url: `https://ci.example.com/rag/${name}/-/pipelines/${item.run}`,
          externalId: `demo:${item.entityRef}:${item.type}`,
          demo: true,
        },
        'readiness-demo-seed',
      );
      if (result.created) created++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  logger.info(
    `Demo evidence: ${created} new of ${items.length} items (readiness.demo.seed is on; never enable it in production)`,
  );
  return created;
}
