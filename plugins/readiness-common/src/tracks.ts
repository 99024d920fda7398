import { JsonValue } from '@backstage/types';

/**
 * Operators a check's condition can use on a fact's value.
 *
 * @public
 */
export const conditionOperators = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'exists',
  'notExists',
  'matches',
] as const;

/** @public */
export type ConditionOperator = (typeof conditionOperators)[number];

/**
 * What a check asks of a fact: `operator` applied to the value found at `path` inside the fact
 * (the whole value when `path` is omitted).
 *
 * @public
 */
export type CheckCondition = {
  path?: string;
  operator: ConditionOperator;
  value?: JsonValue;
};

/** @public */
export const checkSeverities = ['critical', 'high', 'medium', 'low'] as const;

/** @public */
export type CheckSeverity = (typeof checkSeverities)[number];

/**
 * A check inside a gate: decided by a fact and a condition, or by a person (`manual`) who attests it.
 *
 * @public
 */
export type TrackCheck = {
  id: string;
  title: string;
  description?: string;
  severity: CheckSeverity;
  /** The fact type the check reads, e.g. `evidence.tests.oidc-login` or `catalog.owner`. */
  fact?: string;
  /**
   * Read the fact from this entity instead of the one being evaluated (a full ref, e.g.
   * `component:default/rag-api`): how a system-wide gate such as "backend verified" is judged the same
   * for every component of the system.
   */
  entity?: string;
  condition?: CheckCondition;
  /** A check nobody can measure automatically: it passes while an attestation is valid. */
  manual?: { validForDays: number };
  /** Where to read how to fix it, usually a runbook (a URL or a path relative to the track file). */
  howToFix?: string;
};

/**
 * A step of a track. Gates form a directed acyclic graph through `dependsOn`.
 *
 * @public
 */
export type TrackGate = {
  id: string;
  title: string;
  description?: string;
  dependsOn: string[];
  /** When set, the gate is about that environment (e.g. `production`). */
  environment?: string;
  checks: TrackCheck[];
};

/**
 * Selects the entities a track applies to. Every key must match (AND); a filter list is OR.
 * Keys: `kind`, `spec.type`, `spec.system`, `spec.lifecycle`, `metadata.tags` (a value list matches any).
 *
 * @public
 */
export type TrackEntityFilter = Partial<
  Record<TrackFilterKey, string | string[]>
>;

/** @public */
export const trackFilterKeys = [
  'kind',
  'spec.type',
  'spec.system',
  'spec.lifecycle',
  'metadata.tags',
  'metadata.namespace',
] as const;

/** @public */
export type TrackFilterKey = (typeof trackFilterKeys)[number];

/**
 * A readiness programme, defined as code in YAML (`apiVersion: readiness.io/v1`, `kind: Track`).
 *
 * @public
 */
export type Track = {
  apiVersion: 'readiness.io/v1';
  kind: 'Track';
  metadata: { name: string; title: string; description?: string };
  spec: {
    appliesTo: TrackEntityFilter[];
    gates: TrackGate[];
  };
};
