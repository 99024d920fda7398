import { ReadinessEnvironment } from '@readiness-io/plugin-readiness-common';

/** An environment as it is recorded. Refs in lower case. */
export interface NewEnvironment {
  entityRef: string;
  systemRef: string;
  tier: string;
  recordedBy: string;
  recordedAt: Date;
  taskId?: string;
}

/** The environments registry: which environment Resources exist for which System, with their tier. */
export interface EnvironmentStore {
  get(entityRef: string): Promise<ReadinessEnvironment | undefined>;
  /**
   * Records an active environment: inserts it, or makes a decommissioned one active again. `created` is false (and
   * nothing changes) when it already is active; of concurrent calls exactly one creates it.
   */
  record(
    env: NewEnvironment,
  ): Promise<{ environment: ReadinessEnvironment; created: boolean }>;
  /** Marks an environment decommissioned (kept); undefined when it was never recorded. */
  decommission(
    entityRef: string,
    by: string,
    at: Date,
  ): Promise<ReadinessEnvironment | undefined>;
  /** Environments by name; active ones unless asked otherwise; of the given systems when given. */
  list(options?: {
    systemRefs?: string[];
    includeDecommissioned?: boolean;
  }): Promise<ReadinessEnvironment[]>;
}
