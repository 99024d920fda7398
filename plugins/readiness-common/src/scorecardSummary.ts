import type {
  CheckResult,
  EntityScorecard,
  ScorecardSummary,
  TrackSummary,
} from './scorecards';
import { describeGateResult } from './gateReport';

type CheckSummary = TrackSummary['gates'][number]['checks'][number];

function evidenceOf(result: CheckResult): CheckSummary['evidence'] {
  const fact = result.fact;
  if (!fact || fact.source !== 'evidence') return undefined;
  return {
    observedAt: fact.observedAt,
    ...(fact.url ? { url: fact.url } : {}),
    ...(fact.commitSha ? { commitSha: fact.commitSha } : {}),
  };
}

/**
 * A scorecard in its compact form: per track, the verdict in a sentence (the gate report's headline for the next
 * gate), every gate and check with its title, status and message, and the root causes with the evidence behind
 * them. What it leaves out — the track definitions, fact values, attestations and waivers — is in the full
 * scorecard.
 *
 * @public
 */
export function summarizeScorecard(
  scorecard: EntityScorecard,
): ScorecardSummary {
  const entityTitle = scorecard.title ?? scorecard.entityRef;
  return {
    entityRef: scorecard.entityRef,
    title: entityTitle,
    evaluatedAt: scorecard.evaluatedAt,
    ...(scorecard.trackProblems?.length
      ? { trackProblems: scorecard.trackProblems }
      : {}),
    tracks: scorecard.tracks.map(({ track, evaluation }) => {
      const gateTitles = Object.fromEntries(
        track.spec.gates.map(g => [g.id, g.title]),
      );
      const checkTitle = (gateId: string, checkId: string) =>
        track.spec.gates
          .find(g => g.id === gateId)
          ?.checks.find(c => c.id === checkId)?.title ?? checkId;
      const checkSummary = (
        gateId: string,
        result: CheckResult,
      ): CheckSummary => {
        const evidence = evidenceOf(result);
        return {
          checkId: result.checkId,
          title: checkTitle(gateId, result.checkId),
          status: result.status,
          message: result.message,
          ...(result.since ? { since: result.since } : {}),
          ...(evidence ? { evidence } : {}),
        };
      };
      const { gatesPassed, gatesTotal, nextGate, blockers } =
        evaluation.summary;
      const next = evaluation.gates.find(g => g.gateId === nextGate);
      const verdict = next
        ? describeGateResult({
            entityRef: scorecard.entityRef,
            entityTitle,
            trackId: evaluation.trackId,
            trackTitle: track.metadata.title,
            gate: next,
            gateTitles,
          }).headline
        : `${entityTitle} passed every gate of ${track.metadata.title} that applies.`;
      return {
        trackId: evaluation.trackId,
        title: track.metadata.title,
        verdict,
        gatesPassed,
        gatesTotal,
        ...(nextGate ? { nextGate } : {}),
        gates: evaluation.gates.map(g => ({
          gateId: g.gateId,
          title: gateTitles[g.gateId] ?? g.gateId,
          status: g.status,
          ...(g.since ? { since: g.since } : {}),
          blockedBy: g.blockedBy,
          checks: g.checks.map(c => checkSummary(g.gateId, c)),
        })),
        blockers: blockers.map(cause => {
          const result = evaluation.gates
            .find(g => g.gateId === cause.gateId)
            ?.checks.find(c => c.checkId === cause.checkId);
          return {
            gateId: cause.gateId,
            gateTitle: gateTitles[cause.gateId] ?? cause.gateId,
            ...(result
              ? checkSummary(cause.gateId, result)
              : {
                  checkId: cause.checkId,
                  title: checkTitle(cause.gateId, cause.checkId),
                  status: cause.status,
                  message: cause.message,
                }),
          };
        }),
      };
    }),
  };
}
