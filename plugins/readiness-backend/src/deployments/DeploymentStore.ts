import type {
  Deployment,
  DeploymentStatus,
} from '@readiness-io/plugin-readiness-common';

export type { Deployment, DeploymentStatus };

/** What a deployment can be; `in_progress` is the only status that is not final. */
export const deploymentStatuses = [
  'in_progress',
  'succeeded',
  'failed',
  'rolled_back',
] as const satisfies readonly DeploymentStatus[];

/** A deployment to store: the wire type without what the store assigns. */
export type NewDeployment = Omit<Deployment, 'id' | 'recordedBy' | 'updatedAt'>;

/** Per environment: the latest deployment and the latest successful one. */
export interface EnvironmentState {
  environment: string;
  latest: Deployment;
  lastSuccessful?: Deployment;
}

export interface DeploymentStore {
  /**
   * Records a deployment, or updates the one with the same externalId (status transitions validated: a finished
   * deployment does not go back to in_progress, and entity, environment and version do not change). Concurrent
   * requests with one externalId create one record (a unique index decides).
   */
  record(
    deployment: NewDeployment,
    recordedBy: string,
  ): Promise<{ deployment: Deployment; created: boolean }>;
  /**
   * Records many deployments at once, with the same rules as {@link DeploymentStore.record} for each, in order:
   * new externalIds are inserted in bulk, the rest (updates, repeats within the batch) one by one. One result per
   * item: what record() returns, or the error it would have thrown.
   */
  recordMany(
    deployments: NewDeployment[],
    recordedBy: string,
  ): Promise<
    Array<{ deployment: Deployment; created: boolean } | { error: Error }>
  >;
  get(id: string): Promise<Deployment | undefined>;
  /** Marks a succeeded deployment rolled back; false when it was not (or no longer) succeeded. */
  markRolledBack(id: string): Promise<boolean>;
  /** Newest first. */
  list(
    entityRefs: string[],
    options: { environment?: string; limit: number; offset: number },
  ): Promise<{ items: Deployment[]; total: number }>;
  /** The latest and latest successful deployment per entity and environment. */
  states(entityRefs: string[]): Promise<Map<string, EnvironmentState[]>>;
  /** The most recent deployments of an entity to an environment (for failure rates), newest first. */
  recent(
    entityRef: string,
    environment: string,
    limit: number,
  ): Promise<Deployment[]>;
  /**
   * The most recent deployments of many entities, each to the environments asked for it, at once: newest first,
   * keyed `entityRef` + NUL + `environment`; pairs without deployments are absent.
   */
  recentMany(
    pairs: Array<{ entityRef: string; environment: string }>,
    limit: number,
  ): Promise<Map<string, Deployment[]>>;
}
