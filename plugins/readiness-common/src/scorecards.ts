import type { RequestOf, ResponseOf, Schemas } from './schema/wire';

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
] as const satisfies readonly Schemas['ConditionOperator'][];

/** @public */
export type ConditionOperator = Schemas['ConditionOperator'];

/**
 * What a check asks of a fact: `operator` applied to the value found at `path` inside the fact (the whole value
 * when `path` is omitted).
 *
 * @public
 */
export type CheckCondition = Schemas['CheckCondition'];

/** @public */
export const checkSeverities = [
  'critical',
  'high',
  'medium',
  'low',
] as const satisfies readonly Schemas['CheckSeverity'][];

/** @public */
export type CheckSeverity = Schemas['CheckSeverity'];

/**
 * A check inside a gate: decided by a fact and a condition (`fact` + `condition`, optionally about another
 * `entity`), or by a person's attestation (`manual`).
 *
 * @public
 */
export type TrackCheck = Schemas['TrackCheck'];

/**
 * A step of a track. Gates form a directed acyclic graph through `dependsOn`; a gate with `environment` applies
 * only while the entity's System has an active environment of that tier or name.
 *
 * @public
 */
export type TrackGate = Schemas['TrackGate'];

/** The keys a track's `appliesTo` filters may use. @public */
export const trackFilterKeys = [
  'kind',
  'spec.type',
  'spec.system',
  'spec.lifecycle',
  'metadata.tags',
  'metadata.namespace',
] as const satisfies readonly (keyof Schemas['TrackEntityFilter'])[];

/** @public */
export type TrackFilterKey = (typeof trackFilterKeys)[number];

/** Which entities a track applies to: every key given must match (case-insensitive). @public */
export type TrackEntityFilter = Schemas['TrackEntityFilter'];

/**
 * A readiness programme as code (`apiVersion: readiness.io/v1`, `kind: Track`): which entities it applies to and
 * its gates.
 *
 * @public
 */
export type Track = Schemas['Track'];

/** `GET /tracks`: every loaded track definition, their version, and the track files that could not be loaded. @public */
export type TrackList = ResponseOf<'GetTracks', 200>;

/**
 * The outcome of one check for one entity. `unknown`: no fact to decide it (the seed's "Cannot measure");
 * `blocked`: a gate it depends on has not passed; `not-applicable`: its gate is scoped to an environment the
 * entity's System does not have (yet).
 *
 * @public
 */
export type CheckStatus = Schemas['CheckStatus'];

/**
 * A gate's status. `not-applicable`: scoped to an environment of which none is recorded for the entity's System; it
 * counts neither as passed nor as open, and does not block the gates after it.
 *
 * @public
 */
export type GateStatus = Schemas['GateStatus'];

/** A person's sign-off of a manual check. @public */
export type Attestation = Schemas['Attestation'];

/** An exemption of one check for one entity, approved by someone other than who asked for it. @public */
export type Waiver = Schemas['Waiver'];

/** The result of one check for one entity. @public */
export type CheckResult = Schemas['CheckResult'];

/** A failing or unmeasured check at the bottom of a dependency chain. @public */
export type RootCause = Schemas['RootCause'];

/** The result of one gate for one entity. @public */
export type GateResult = Schemas['GateResult'];

/** One track evaluated for one entity. @public */
export type TrackEvaluation = Schemas['TrackEvaluation'];

/**
 * One entity's scorecard as `GET /scorecards/...` answers it: each track's evaluation, named by track id, with the
 * version of the track definitions it was evaluated with (see {@link joinScorecard}). @public
 */
export type ScorecardAnswer = Schemas['ScorecardAnswer'];

/**
 * Everything the portal shows about one entity's readiness: every track that applies, its definition beside its
 * evaluation. What {@link ReadinessClient.getScorecard} returns: the answer joined with the definitions.
 *
 * @public
 */
export type EntityScorecard = Omit<
  ScorecardAnswer,
  'evaluations' | 'tracksVersion' | 'trackProblems'
> & {
  tracks: Array<{ track: Track; evaluation: TrackEvaluation }>;
  trackProblems?: TrackProblem[];
};

/**
 * A scorecard answer joined with the track definitions it names (those of `GET /tracks` with the answer's
 * `tracksVersion`): every evaluation beside its definition. Throws when an evaluation names a track not among them.
 *
 * @public
 */
export function joinScorecard(
  answer: ScorecardAnswer,
  definitions: Track[],
): EntityScorecard {
  const { evaluations, tracksVersion: _version, ...rest } = answer;
  const byId = new Map(definitions.map(t => [t.metadata.name, t]));
  return {
    ...rest,
    tracks: evaluations.map(evaluation => {
      const track = byId.get(evaluation.trackId);
      if (!track) {
        throw new Error(
          `The scorecard of ${answer.entityRef} names track '${evaluation.trackId}', which is not among the track definitions`,
        );
      }
      return { track, evaluation };
    }),
  };
}

/**
 * The scorecard's compact form (GET /scorecards/.../summary): per track the verdict in a sentence, gates and checks
 * with status and message, root causes with evidence; no track definitions or fact values.
 *
 * @public
 */
export type ScorecardSummary = Schemas['ScorecardSummary'];

/** One track of a {@link ScorecardSummary}. @public */
export type TrackSummary = Schemas['TrackSummary'];

/** One entity's row in a system's readiness matrix. @public */
export type SystemReadinessEntity = Schemas['SystemReadinessEntity'];

/** A System's readiness: its components and the resources they depend on, weakest link first. @public */
export type SystemReadiness = Schemas['SystemReadiness'];

/** A change of status of one check, or of a gate (then `checkId` is empty). @public */
export type Transition = Schemas['Transition'];

/** One entity × track of the catalog-wide overview, from the stored results of the last evaluation. @public */
export type OverviewRow = Schemas['OverviewRow'];

/** Readiness across the catalog: every entity a track applies to, and the root causes that block the most. @public */
export type ReadinessOverview = Schemas['ReadinessOverview'];

/**
 * A track file the backend could not load: the file (or URL) and what is wrong, with the path inside it. The
 * track is left out; everything else keeps working.
 *
 * @public
 */
export type TrackProblem = Schemas['TrackProblem'];

/** A check of a track, for one entity. @public */
export type CheckTargetRequest = Schemas['CheckTarget'];

/** What attesting a manual check takes (POST /attestations). @public */
export type AttestationRequest = RequestOf<'CreateAttestation'>;

/** What requesting a waiver takes (POST /waivers). @public */
export type WaiverRequest = RequestOf<'RequestWaiver'>;

/** One gate of one track for an entity (GET /gates/...). @public */
export type GateAnswer = ResponseOf<'GetGate', 200>;
