import type { GateResult } from './scorecards';

/**
 * What a promotion gate says about one gate of one entity, in one place for the `readiness-gate` CLI and the
 * scaffolder's `readiness:gate:check`: whether it passed, a headline, and the lines that explain a gate that did
 * not (what it waits for, its root causes, its own checks that do not pass).
 *
 * @public
 */
export function describeGateResult(
  entityRef: string,
  trackId: string,
  gate: GateResult,
): { passed: boolean; headline: string; details: string[] } {
  const passed = gate.status === 'passed';
  const subject = `gate '${gate.gateId}' of track '${trackId}'`;
  if (passed) {
    return { passed, headline: `${entityRef} passed ${subject}`, details: [] };
  }
  const notPassed = `${entityRef} has not passed ${subject}`;
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
  const waiting =
    gate.blockedBy.length > 0
      ? ` (waiting for ${gate.blockedBy.join(', ')})`
      : '';
  const details = [
    gate.rootCauses.length > 0 ? 'Root causes:' : 'Root causes: none recorded',
    ...gate.rootCauses.map(
      c => `  - [${c.status}] ${c.gateId}/${c.checkId}: ${c.message}`,
    ),
  ];
  const own = gate.checks.filter(
    c => !['pass', 'waived', 'blocked', 'not-applicable'].includes(c.status),
  );
  if (own.length > 0) {
    details.push('Checks of this gate not passing:');
    for (const check of own) {
      details.push(`  - [${check.status}] ${check.checkId}: ${check.message}`);
    }
  }
  return {
    passed,
    headline: `${notPassed}: it is ${gate.status}${waiting}.`,
    details,
  };
}
