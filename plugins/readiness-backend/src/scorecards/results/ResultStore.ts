import { TrackEvaluation } from '@internal/plugin-readiness-common';

/** A change of status of one check, or of a gate (then `checkId` is empty). */
export type { Transition } from '@internal/plugin-readiness-common';
import type { Transition } from '@internal/plugin-readiness-common';

/** Since when a check or gate has had its current status. */
export interface CurrentStatus {
  status: string;
  since: string;
}

/** The current results and their history. Only transitions are written. */
export interface ResultStore {
  /** Stores evaluations; writes (and returns) only the statuses that changed. */
  saveEvaluations(evaluations: TrackEvaluation[]): Promise<Transition[]>;
  /** Current statuses of an entity, keyed by `trackId/gateId/checkId` (checkId empty for gates). */
  current(entityRef: string): Promise<Map<string, CurrentStatus>>;
  /** Transitions of an entity, newest first. */
  history(entityRef: string, options: { trackId?: string; limit: number; before?: string }): Promise<Transition[]>;
}

export const resultKey = (trackId: string, gateId: string, checkId: string) =>
  `${trackId}/${gateId}/${checkId}`;
