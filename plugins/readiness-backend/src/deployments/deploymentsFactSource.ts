import { JsonValue } from '@backstage/types';
import { entityRefKey, Fact } from '@readiness-io/plugin-readiness-common';
import { ReadinessFactSource } from '@readiness-io/plugin-readiness-node';
import { DeploymentStore } from './DeploymentStore';

const DAY = 24 * 60 * 60 * 1000;
const RECENT = 20;

/**
 * The `deployments.<environment>.<metric>` fact source, where <environment> is the environment Resource's name in
 * the entity's namespace:
 * - `lastSuccessful`: { version, finishedAt, ageDays } of the last successful deployment, or null;
 * - `failureRate`: failed ÷ finished among the last 20 deployments (0..1), or null when none finished;
 * - `rollbackExercised`: whether a rollback to it has ever succeeded (the seed's "rollback procedures established").
 */
export function createDeploymentsFactSource(
  store: DeploymentStore,
  options: { now?: () => Date } = {},
): ReadinessFactSource {
  const now = options.now ?? (() => new Date());
  return {
    id: 'deployments',
    factTypes: [
      {
        type: 'deployments.*',
        description:
          'deployments.<environment>.lastSuccessful | failureRate | rollbackExercised',
      },
    ],
    async getFacts({ entities, types }) {
      const wanted = (types ?? [])
        .map(t =>
          /^deployments\.([^.]+)\.(lastSuccessful|failureRate|rollbackExercised)$/.exec(
            t,
          ),
        )
        .filter(Boolean) as RegExpExecArray[];
      if (wanted.length === 0) return [];
      const at = now();
      const wantedFor = entities.map(entity => {
        const namespace = entity.metadata.namespace ?? 'default';
        return {
          entityRef: entityRefKey(entity),
          wanted: wanted.map(([type, envName, metric]) => ({
            type,
            metric,
            environment: entityRefKey({
              kind: 'resource',
              namespace,
              name: envName,
            }),
          })),
        };
      });
      // One query for every entity and environment, not one per fact.
      const recent = await store.recentMany(
        wantedFor.flatMap(w =>
          w.wanted.map(x => ({
            entityRef: w.entityRef,
            environment: x.environment,
          })),
        ),
        RECENT,
      );
      const facts: Fact[] = [];
      for (const { entityRef, wanted: metrics } of wantedFor) {
        for (const { type, metric, environment } of metrics) {
          facts.push({
            entityRef,
            type,
            value: metricOf(
              metric,
              recent.get(`${entityRef}\u0000${environment}`) ?? [],
              at,
            ),
            source: 'deployments',
            observedAt: at.toISOString(),
          });
        }
      }
      return facts;
    },
  };
}

function metricOf(
  metric: string,
  recent: Awaited<ReturnType<DeploymentStore['recent']>>,
  at: Date,
): JsonValue {
  if (metric === 'lastSuccessful') {
    const last = recent.find(
      d =>
        d.status === 'succeeded' ||
        (d.status === 'rolled_back' && d.finishedAt),
    );
    if (!last) return null;
    const finishedAt = last.finishedAt ?? last.startedAt;
    return {
      version: last.version,
      finishedAt,
      ageDays: Math.floor((at.getTime() - Date.parse(finishedAt)) / DAY),
    };
  }
  if (metric === 'failureRate') {
    const finished = recent.filter(d => d.status !== 'in_progress');
    return finished.length === 0
      ? null
      : finished.filter(d => d.status === 'failed').length / finished.length;
  }
  return recent.some(d => d.rollbackOf && d.status === 'succeeded');
}
