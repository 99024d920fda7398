import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentStore } from './EnvironmentStore';

/**
 * The demo's environments as the rag-environment template would have recorded them: dev and staging exist; the
 * production environment does not yet (the seed report's sprint 7 is preparing it, and the template refuses a
 * production tier until the deployment-prepared gate passes), so gates scoped to production do not apply yet.
 */
export const demoEnvironments = [
  {
    entityRef: 'resource:default/rag-dev',
    systemRef: 'system:default/rag-platform',
    tier: 'dev',
  },
  {
    entityRef: 'resource:default/rag-staging',
    systemRef: 'system:default/rag-platform',
    tier: 'staging',
  },
];

/** Records the demo environments once (a later decommission in the portal is kept: active ones are left alone). */
export async function seedDemoEnvironments(
  store: EnvironmentStore,
  logger: LoggerService,
  now = new Date(),
): Promise<number> {
  let created = 0;
  for (const env of demoEnvironments) {
    if (await store.get(env.entityRef)) continue;
    if (
      (
        await store.record({
          ...env,
          recordedBy: 'readiness-demo-seed',
          recordedAt: now,
        })
      ).created
    )
      created++;
  }
  logger.info(
    `Demo environments: ${created} new of ${demoEnvironments.length} (readiness.demo.seed is on)`,
  );
  return created;
}
