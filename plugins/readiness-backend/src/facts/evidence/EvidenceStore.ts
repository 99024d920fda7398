import { Evidence, Fact } from '@readiness-io/plugin-readiness-common';

/** Evidence to store (demo data is marked `demo`): the wire type without what the store assigns. */
export type NewEvidence = Omit<Evidence, 'id' | 'recordedAt' | 'recordedBy'> & {
  /**
   * The pusher did not say when it was observed (`observedAt` is the time of the push): a repeat of the same
   * `externalId` then matches whatever time the first push got, so a retry is idempotent.
   */
  observedAtDefaulted?: boolean;
};

/** Stored evidence: the wire type. */
export type StoredEvidence = Evidence;

/** Stores evidence; the latest of each type per entity is a fact for the evaluator. */
export interface EvidenceStore {
  /**
   * Records evidence. With an `externalId` already recorded: the same evidence again returns the stored record
   * (`created: false`; when the repeat does not say when it was observed, any time matches); different evidence
   * under that id throws a ConflictError.
   */
  record(
    evidence: NewEvidence,
    recordedBy: string,
  ): Promise<{ evidence: StoredEvidence; created: boolean }>;
  /** The latest evidence of each type for each of the entities, as facts. */
  latestFacts(entityRefs: string[], types?: string[]): Promise<Fact[]>;
}
