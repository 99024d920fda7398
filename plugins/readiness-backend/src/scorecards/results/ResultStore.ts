import { TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import type { Transition } from '@readiness-io/plugin-readiness-common';

/** A change of status of one check, or of a gate (then `checkId` is empty). */
export type { Transition } from '@readiness-io/plugin-readiness-common';

/** Since when a check or gate has had its current status. */
export interface CurrentStatus {
  status: string;
  since: string;
}

/**
 * The statuses of one track for one entity, keyed by `gateId/checkId` (`gateId/` for the gate itself), in the
 * order of the track.
 */
export interface StatusSnapshot {
  entityRef: string;
  trackId: string;
  evaluatedAt: string;
  keys: string[];
  statuses: string[];
}

/** The current results and their history. Only transitions are written. */
export interface ResultStore {
  /** Stores statuses; writes (and returns) only what changed. */
  saveStatuses(snapshots: StatusSnapshot[]): Promise<Transition[]>;
  /** Stores detailed evaluations (their statuses); writes (and returns) only what changed. */
  saveEvaluations(evaluations: TrackEvaluation[]): Promise<Transition[]>;
  /** The stored status vectors of many entities: per entity, per track, `gateId/checkId` → status. */
  currentMany(entityRefs: string[]): Promise<
    Map<
      string,
      Array<{
        trackId: string;
        statuses: Record<string, string>;
        evaluatedAt: string;
      }>
    >
  >;
  /** Current statuses of an entity, keyed by `trackId/gateId/checkId` (checkId empty for gates). */
  current(entityRef: string): Promise<Map<string, CurrentStatus>>;
  /** {@link ResultStore.current} of many entities at once (entities with nothing stored left out). */
  currentOfMany(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, CurrentStatus>>>;
  /** Transitions of an entity, newest first. */
  history(
    entityRef: string,
    options: { trackId?: string; limit: number; before?: string },
  ): Promise<Transition[]>;
}

export const resultKey = (trackId: string, gateId: string, checkId: string) =>
  `${trackId}/${gateId}/${checkId}`;

/** The snapshot of a detailed evaluation. */
export function snapshotOf(evaluation: TrackEvaluation): StatusSnapshot {
  const keys: string[] = [];
  const statuses: string[] = [];
  for (const gate of evaluation.gates) {
    keys.push(`${gate.gateId}/`);
    statuses.push(gate.status);
    for (const check of gate.checks) {
      keys.push(`${gate.gateId}/${check.checkId}`);
      statuses.push(check.status);
    }
  }
  return {
    entityRef: evaluation.entityRef,
    trackId: evaluation.trackId,
    evaluatedAt: evaluation.evaluatedAt,
    keys,
    statuses,
  };
}
