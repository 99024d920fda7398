import type { GateAnswer } from './scorecards';
import { joinWords } from './verdict';

/**
 * What a promotion gate says about one gate of one entity, in one place for the `readiness-gate` CLI and the
 * scaffolder's `readiness:gate:check`: whether it passed, a headline in titles, and the lines that explain a gate
 * that did not (what it waits for, its root causes and its own checks that do not pass, each as a sentence).
 *
 * @public
 */
export function describeGateResult(answer: GateAnswer): {
  passed: boolean;
  headline: string;
  details: string[];
} {
  const { gate, entityTitle, trackTitle } = answer;
  const title = (id: string) => answer.gateTitles[id] ?? id;
  const passed = gate.status === 'passed';
  const subject = `“${title(gate.gateId)}” (${trackTitle})`;
  if (passed) {
    return {
      passed,
      headline: `${entityTitle} passed ${subject}.`,
      details: [],
    };
  }
  const notPassed = `${entityTitle} has not passed ${subject}`;
  if (gate.status === 'not-applicable') {
    // Scoped to an environment the system does not have (yet): said once, not per check.
    return {
      passed,
      headline: `${notPassed}: it does not apply yet.${
        gate.message ? ` ${gate.message}` : ''
      }`,
      details: [],
    };
  }
  const state: Record<string, string> = {
    failed: 'it fails',
    blocked: 'it is blocked',
    unknown: 'it cannot be measured yet',
  };
  // What it waits for, said by the gates at the bottom of the chain (where its root causes are), not every gate
  // in between.
  const bottom = [...new Set(gate.rootCauses.map(c => c.gateId))].filter(
    id => id !== gate.gateId,
  );
  const waitingFor = bottom.length > 0 ? bottom : gate.blockedBy;
  const waiting =
    gate.status === 'blocked' && waitingFor.length > 0
      ? ` behind ${joinWords(waitingFor.map(title))}`
      : '';
  const details = [
    gate.rootCauses.length > 0
      ? 'What blocks it, at the bottom of the chain:'
      : 'Root causes: none recorded',
    ...gate.rootCauses.map(c => `  - ${c.message}`),
  ];
  const own = gate.checks.filter(
    c => !['pass', 'waived', 'blocked', 'not-applicable'].includes(c.status),
  );
  const ownNotRootCauses = own.filter(
    c =>
      !gate.rootCauses.some(
        r => r.gateId === gate.gateId && r.checkId === c.checkId,
      ),
  );
  if (ownNotRootCauses.length > 0) {
    details.push('Checks of this gate not passing:');
    for (const check of ownNotRootCauses) details.push(`  - ${check.message}`);
  }
  return {
    passed,
    headline: `${notPassed}: ${state[gate.status] ?? gate.status}${waiting}.`,
    details,
  };
}
