import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { DeploymentStore, NewDeployment } from './DeploymentStore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's deployment history, as CI/CD would have reported it: every component goes to dev on each merge and
 * release candidates go to staging. rag-api's newest candidate (the OIDC rework, sprint 6) failed in staging and
 * staging still runs the previous version. No rollback has been rehearsed, so "Rollback and recovery procedures
 * established" stays open, as in the seed report. Nothing is in production: the production environment does not
 * exist yet.
 */
export function demoDeployments(now: Date): NewDeployment[] {
  const at = (daysAgo: number) =>
    new Date(now.getTime() - daysAgo * DAY).toISOString();
  const plan: Array<
    [
      component: string,
      env: 'dev' | 'staging',
      version: string,
      daysAgo: number,
      status: 'succeeded' | 'failed',
    ]
  > = [
    ['rag-api', 'dev', '1.3.0', 20, 'succeeded'],
    ['rag-api', 'staging', '1.3.0', 18, 'succeeded'],
    ['rag-api', 'dev', '1.4.0', 9, 'succeeded'],
    ['rag-api', 'dev', '1.5.0-rc.1', 4, 'failed'],
    ['rag-api', 'dev', '1.5.0-rc.2', 3, 'succeeded'],
    ['rag-api', 'staging', '1.5.0-rc.2', 3, 'failed'],
    ['rag-web', 'dev', '0.9.0', 16, 'succeeded'],
    ['rag-web', 'staging', '0.9.0', 15, 'succeeded'],
    ['rag-web', 'dev', '0.10.0', 5, 'succeeded'],
    ['rag-retriever', 'dev', '2.1.0', 12, 'succeeded'],
    ['rag-retriever', 'staging', '2.1.0', 11, 'succeeded'],
    ['rag-retriever', 'dev', '2.2.0', 2, 'succeeded'],
    ['rag-ingestion', 'dev', '1.0.0', 14, 'succeeded'],
    ['rag-ingestion', 'staging', '1.0.0', 13, 'succeeded'],
  ];
  return plan.map(([component, env, version, daysAgo, status], i) => ({
    entityRef: `component:default/${component}`,
    // A commit and pipeline per deployment, as CI would send them (the pipeline numbers go up with time).
    commitSha: createHash('sha1')
      .update(`${component}@${version}`)
      .digest('hex'),
    url: `https://ci.example.com/rag/${component}/-/pipelines/${1300 + i}`,
    environment: `resource:default/rag-${env}`,
    version,
    status,
    actor: 'ci',
    startedAt: at(daysAgo),
    finishedAt: new Date(Date.parse(at(daysAgo)) + 0.2 * HOUR).toISOString(),
    externalId: `readiness-demo-${component}-${env}-${version}`,
  }));
}

/** Records the demo deployment history once (externalIds make a restart a no-op). */
export async function seedDemoDeployments(
  store: DeploymentStore,
  logger: LoggerService,
  now = new Date(),
): Promise<number> {
  const items = demoDeployments(now);
  let created = 0;
  for (const item of items) {
    const existing = await store.list([item.entityRef], {
      environment: item.environment,
      limit: 100,
      offset: 0,
    });
    if (existing.items.some(d => d.externalId === item.externalId)) continue;
    if ((await store.record(item, 'readiness-demo-seed')).created) created++;
  }
  logger.info(
    `Demo deployments: ${created} new of ${items.length} (readiness.demo.seed is on)`,
  );
  return created;
}
