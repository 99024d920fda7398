import { JsonValue } from '@backstage/types';
import { Fact } from '@internal/plugin-readiness-common';

/** Evidence as CI pushes it. */
export interface NewEvidence {
  entityRef: string;
  /** A fact type under `evidence.`, e.g. `evidence.tests.oidc-login`. */
  type: string;
  value: JsonValue;
  observedAt: string;
  commitSha?: string;
  url?: string;
  /** Pushing the same externalId again returns the first record instead of adding one. */
  externalId?: string;
  /** Marks demo data, so it can be told apart from real evidence. */
  demo?: boolean;
}

export interface StoredEvidence extends NewEvidence {
  id: string;
  recordedAt: string;
  recordedBy: string;
}

/** Stores evidence; the latest of each type per entity is a fact for the evaluator. */
export interface EvidenceStore {
  /**
   * Records evidence. With an `externalId` already recorded: the same evidence again returns the stored record
   * (`created: false`); different evidence under that id throws a ConflictError.
   */
  record(
    evidence: NewEvidence,
    recordedBy: string,
  ): Promise<{ evidence: StoredEvidence; created: boolean }>;
  /** The latest evidence of each type for each of the entities, as facts. */
  latestFacts(entityRefs: string[], types?: string[]): Promise<Fact[]>;
}
