import {
  CheckResult,
  RootCause,
  Track,
  TrackEvaluation,
  TrackSummary,
} from '@readiness-io/plugin-readiness-common';
import { durationSince } from '../common/format';

export function gateTitle(track: Track, gateId: string) {
  return track.spec.gates.find(g => g.id === gateId)?.title ?? gateId;
}

export function checkOf(track: Track, gateId: string, checkId: string) {
  return track.spec.gates
    .find(g => g.id === gateId)
    ?.checks.find(c => c.id === checkId);
}

export function resultOf(
  evaluation: TrackEvaluation,
  gateId: string,
  checkId: string,
): CheckResult | undefined {
  return evaluation.gates
    .find(g => g.gateId === gateId)
    ?.checks.find(c => c.checkId === checkId);
}

/**
 * One root cause in one sentence: which check, failing or not measured since when, and the evidence behind it.
 * "OIDC login test failing since 3 days" — the evidence link is returned apart so it can be a link.
 */
export function describeCause(
  track: Track,
  evaluation: TrackEvaluation,
  cause: RootCause,
  now = new Date(),
) {
  const check = checkOf(track, cause.gateId, cause.checkId);
  const result = resultOf(evaluation, cause.gateId, cause.checkId);
  const state = cause.status === 'fail' ? 'failing' : 'not measured';
  const since = durationSince(result?.since, now);
  return {
    gate: gateTitle(track, cause.gateId),
    text: `${check?.title ?? cause.checkId} — ${state}${
      since ? ` for ${since}` : ''
    }`,
    evidence: result?.fact?.url
      ? {
          url: result.fact.url,
          label: evidenceLabel(result.fact.url, result.fact.commitSha),
        }
      : undefined,
    message: cause.message,
  };
}

/** {@link describeCause} for a root cause of the scorecard's compact form. */
export function describeBlocker(
  blocker: TrackSummary['blockers'][number],
  now = new Date(),
) {
  const state = blocker.status === 'fail' ? 'failing' : 'not measured';
  const since = durationSince(blocker.since, now);
  return {
    gate: blocker.gateTitle,
    text: `${blocker.title} — ${state}${since ? ` for ${since}` : ''}`,
    evidence: blocker.evidence?.url
      ? {
          url: blocker.evidence.url,
          label: evidenceLabel(
            blocker.evidence.url,
            blocker.evidence.commitSha,
          ),
        }
      : undefined,
  };
}

/** "CI run #1412" from a pipeline URL ending in a number, else the commit, else "evidence". */
export function evidenceLabel(url: string, commitSha?: string) {
  const run = /(\d+)\/?$/.exec(url)?.[1];
  if (run) return `CI run #${run}`;
  return commitSha ? `commit ${commitSha.slice(0, 7)}` : 'evidence';
}
