import { TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import { CurrentStatus, resultKey } from '../results/ResultStore';

const earliest = (a: string | undefined, b: string | undefined) => {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
};

/**
 * Sets since when each check and gate of these evaluations has had its status (in place), from the stored
 * statuses of the entity; returns when the newest stored transition happened.
 *
 * "Since" is when the stored status last changed — or, when evidence says so, earlier: a test that failed in a
 * CI run three days ago has failed for three days, however recently this backend first evaluated it.
 */
export function withSince(
  evaluations: TrackEvaluation[],
  current: Map<string, CurrentStatus>,
): { historyChangedAt?: string } {
  let historyChangedAt: string | undefined;
  for (const { since } of current.values()) {
    if (!historyChangedAt || since > historyChangedAt) historyChangedAt = since;
  }
  for (const evaluation of evaluations) {
    for (const gate of evaluation.gates) {
      let checksSince: string | undefined;
      for (const check of gate.checks) {
        const stored = current.get(
          resultKey(evaluation.trackId, gate.gateId, check.checkId),
        );
        const observed =
          check.fact?.source === 'evidence' ? check.fact.observedAt : undefined;
        const since = earliest(
          stored?.status === check.status ? stored.since : undefined,
          observed,
        );
        if (since) check.since = since;
        if (check.status === 'fail' && since)
          checksSince = earliest(checksSince, since);
      }
      const gateSince = current.get(
        resultKey(evaluation.trackId, gate.gateId, ''),
      );
      const since = earliest(
        gateSince?.status === gate.status ? gateSince.since : undefined,
        gate.status === 'failed' ? checksSince : undefined,
      );
      if (since) gate.since = since;
    }
  }
  return historyChangedAt ? { historyChangedAt } : {};
}
