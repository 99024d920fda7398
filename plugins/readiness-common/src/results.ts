import { JsonValue } from '@backstage/types';
import { Track } from './tracks';

/**
 * A typed value about an entity at a time, with where it came from.
 *
 * @public
 */
export type Fact = {
  entityRef: string;
  /** e.g. `evidence.tests.oidc-login`, `catalog.owner`. */
  type: string;
  value: JsonValue;
  /** The fact source that produced it, e.g. `catalog` or `evidence`. */
  source: string;
  observedAt: string;
  url?: string;
  commitSha?: string;
};

/**
 * The outcome of one check for one entity.
 * `unknown`: no fact to decide it (the seed's "Cannot measure"); `blocked`: a gate it depends on has not passed;
 * `not-applicable`: its gate is scoped to an environment the entity's System does not have (yet).
 *
 * @public
 */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'blocked'
  | 'waived'
  | 'not-applicable';

/**
 * `not-applicable`: the gate is scoped to an environment (tier or name) of which no active environment is recorded
 * for the entity's System; it counts neither as passed nor as open, and does not block the gates after it.
 *
 * @public
 */
export type GateStatus =
  | 'passed'
  | 'failed'
  | 'blocked'
  | 'unknown'
  | 'not-applicable';

/**
 * A person's sign-off of a manual check.
 *
 * @public
 */
export type Attestation = {
  id: string;
  entityRef: string;
  trackId: string;
  gateId: string;
  checkId: string;
  attestedBy: string;
  attestedAt: string;
  validUntil: string;
  note?: string;
  link?: string;
};

/**
 * An exemption of one check for one entity, approved by someone other than who asked for it.
 *
 * @public
 */
export type Waiver = {
  id: string;
  entityRef: string;
  trackId: string;
  gateId: string;
  checkId: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  approvedBy?: string;
  approvedAt?: string;
  revokedBy?: string;
  revokedAt?: string;
};

/**
 * The result of one check for one entity.
 *
 * @public
 */
export type CheckResult = {
  checkId: string;
  status: CheckStatus;
  /** What the check found, in one sentence. */
  message: string;
  /** For a `blocked` or `waived` check: what it would be on its own. */
  underlying?: 'pass' | 'fail' | 'unknown';
  fact?: Fact;
  attestation?: Attestation;
  waiver?: Waiver;
  /** Since when the check has had this status (from the stored history). */
  since?: string;
};

/**
 * A failing or unmeasured check at the bottom of a dependency chain.
 *
 * @public
 */
export type RootCause = {
  gateId: string;
  checkId: string;
  status: 'fail' | 'unknown';
  message: string;
};

/** @public */
export type GateResult = {
  gateId: string;
  status: GateStatus;
  checks: CheckResult[];
  /** For a blocked gate: the gates it depends on that have not passed. */
  blockedBy: string[];
  /** The checks that keep this gate from passing, followed down the dependency graph. */
  rootCauses: RootCause[];
  /** Since when the gate has had this status (from the stored history). */
  since?: string;
  /**
   * For a gate scoped to an environment: the System's active environments of that tier or name it was evaluated
   * for (names), empty when none is recorded and the gate is `not-applicable`.
   */
  environments?: string[];
  /** For a `not-applicable` gate: why, in one sentence. */
  message?: string;
};

/**
 * One track evaluated for one entity.
 *
 * @public
 */
export type TrackEvaluation = {
  trackId: string;
  entityRef: string;
  evaluatedAt: string;
  gates: GateResult[];
  summary: {
    gatesPassed: number;
    /** The gates that apply (not counting `not-applicable` ones). */
    gatesTotal: number;
    /** The first gate (in dependency order) that has not passed, if any. */
    nextGate?: string;
    /** Root causes that keep the next gate from passing. */
    blockers: RootCause[];
  };
};

/**
 * Everything the portal shows about one entity's readiness: every track that applies, evaluated now.
 *
 * @public
 */
export type EntityScorecard = {
  /** Track files that could not be loaded: their readiness is not shown, and people should know. */
  trackProblems?: TrackProblem[];
  entityRef: string;
  /** When this scorecard was evaluated (now: scorecards are evaluated on request). */
  evaluatedAt: string;
  /**
   * When the newest stored transition of the entity's results happened: the history changes only when this does,
   * so a page that shows both fetches the history again only then.
   */
  historyChangedAt?: string;
  tracks: Array<{ track: Track; evaluation: TrackEvaluation }>;
  attestations: Attestation[];
  waivers: Waiver[];
};

/**
 * One entity's row in a system's readiness matrix.
 *
 * @public
 */
export type SystemReadinessEntity = {
  entityRef: string;
  kind: string;
  title?: string;
  tracks: Array<{
    trackId: string;
    gatesPassed: number;
    gatesTotal: number;
    nextGate?: string;
    gates: Record<string, GateStatus>;
    blockers: RootCause[];
  }>;
};

/**
 * A System's readiness: the matrix of its components (and the resources they depend on) × gates,
 * weakest link first.
 *
 * @public
 */
export type SystemReadiness = {
  systemRef: string;
  evaluatedAt: string;
  tracks: Array<{
    trackId: string;
    title: string;
    gates: Array<{ id: string; title: string; status: GateStatus }>;
  }>;
  entities: SystemReadinessEntity[];
  /** The entity with the lowest share of gates passed, if any track applies. */
  weakestLink?: string;
  /** The root causes across the system, most frequent first. */
  rootCauses: Array<RootCause & { entityRefs: string[] }>;
};

/**
 * A change of status of one check, or of a gate (then `checkId` is empty).
 *
 * @public
 */
export type Transition = {
  entityRef: string;
  trackId: string;
  gateId: string;
  checkId: string;
  from?: string;
  to: string;
  at: string;
};

/**
 * Evidence as CI pushes it (POST /evidence).
 *
 * @public
 */
export type EvidenceRequest = {
  entityRef: string;
  /** A fact type under `evidence.`, e.g. `evidence.tests.oidc-login`. */
  type: string;
  value: JsonValue;
  observedAt?: string;
  commitSha?: string;
  url?: string;
  /** Pushing the same externalId again returns the first record instead of adding one. */
  externalId?: string;
};

/**
 * Evidence as stored.
 *
 * @public
 */
export type Evidence = Omit<EvidenceRequest, 'observedAt'> & {
  id: string;
  observedAt: string;
  recordedAt: string;
  recordedBy: string;
  demo?: boolean;
};

/**
 * One entity × track of the catalog-wide overview, from the stored results of the last evaluation.
 *
 * @public
 */
export type OverviewRow = {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  system?: string;
  trackId: string;
  /** passed: every gate passed; failed / unknown: some gate is; blocked: only waiting on others; not-evaluated: not yet. */
  status: 'passed' | 'failed' | 'blocked' | 'unknown' | 'not-evaluated';
  gatesPassed: number;
  gatesTotal: number;
  /** Every gate's status, by gate id (empty when not evaluated yet). */
  gates: Record<string, string>;
  nextGate?: string;
  /** The failing or unmeasured checks that keep the next gate from passing. */
  rootCauses: Array<{ gateId: string; checkId: string; status: string }>;
  evaluatedAt?: string;
};

/**
 * Readiness across the catalog: every entity a track applies to, and the root causes that block the most.
 *
 * @public
 */
export type ReadinessOverview = {
  /** Track files that could not be loaded: their entities are missing from the overview. */
  trackProblems?: TrackProblem[];
  /** The rows that match the filters. */
  items: OverviewRow[];
  total: number;
  /** Of the rows that match, how many are not passed. */
  blocked: number;
  /** The values each filter can take (from every row the caller may see, before filtering). */
  options: { trackIds: string[]; owners: string[]; systems: string[] };
  /** The root causes behind the most matching rows, most frequent first (top 10). */
  topRootCauses: Array<{
    trackId: string;
    gateId: string;
    checkId: string;
    /** The check's title. */
    title: string;
    gateTitle: string;
    count: number;
    entityRefs: string[];
  }>;
};

/**
 * A track file the backend could not load: the file (or URL) and what is wrong, with the path inside it. The
 * track is left out; everything else keeps working.
 *
 * @public
 */
export type TrackProblem = {
  source: string;
  message: string;
};
