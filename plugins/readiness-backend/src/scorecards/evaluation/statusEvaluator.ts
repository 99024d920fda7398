import {
  CheckStatus,
  GateStatus,
  Waiver,
} from '@internal/plugin-readiness-common';
import {
  CompiledTrack,
  environmentsInScope,
  EvaluationInput,
  factFor,
  factTypeFor,
} from './evaluateTrack';

/** Status codes of {@link StatusVector}; the order of the strings is the code. */
export const checkStatusCodes: CheckStatus[] = [
  'pass',
  'fail',
  'unknown',
  'blocked',
  'waived',
  'not-applicable',
];
export const gateStatusCodes: GateStatus[] = [
  'passed',
  'failed',
  'blocked',
  'unknown',
  'not-applicable',
];

const PASS = 0;
const FAIL = 1;
const UNKNOWN = 2;
const BLOCKED = 3;
const WAIVED = 4;
const NOT_APPLICABLE = 5;
const G_PASSED = 0;
const G_FAILED = 1;
const G_BLOCKED = 2;
const G_UNKNOWN = 3;
const G_NOT_APPLICABLE = 4;

/**
 * Every check's and gate's status for one entity, as codes: `checks[i]` for the i-th check of the track (gates in
 * the order the track lists them, checks in gate order), `gates[g]` for the g-th gate.
 */
export interface StatusVector {
  checks: Uint8Array;
  gates: Uint8Array;
}

/**
 * Compiles a track once into a function that computes only statuses: no messages, no result objects, one pair of
 * byte arrays per entity. It decides exactly as {@link evaluateTrack} does (a property test holds them equal); the
 * scheduled re-evaluation uses it to find what changed, and builds detailed results only for those entities.
 */
export function compileStatusEvaluator(
  compiled: CompiledTrack,
): (input: EvaluationInput) => StatusVector {
  const gateIds = compiled.track.spec.gates.map(g => g.id);
  const gateIndex = new Map(gateIds.map((id, i) => [id, i]));
  let offset = 0;
  const slots = compiled.track.spec.gates.map(g => {
    const start = offset;
    offset += g.checks.length;
    return start;
  });
  const checkCount = offset;
  const plan = compiled.order.map(gateId => {
    const gi = gateIndex.get(gateId)!;
    const gate = compiled.gates.get(gateId)!;
    return {
      gi,
      gateId,
      environment: gate.environment,
      deps: gate.dependsOn.map(d => gateIndex.get(d)!),
      checks: gate.checks.map((c, j) => ({
        ci: slots[gi] + j,
        id: c.check.id,
        check: c.check,
        fact: c.check.fact,
        manual: c.check.manual !== undefined,
        perEnvironment: c.perEnvironment === true,
        test: c.test,
      })),
    };
  });

  return (input: EvaluationInput): StatusVector => {
    const checks = new Uint8Array(checkCount);
    const gates = new Uint8Array(gateIds.length);
    const now = input.now.getTime();
    const hasAttestations = input.attestations.length > 0;
    const hasWaivers = input.waivers.length > 0;
    for (const step of plan) {
      const environments =
        step.environment !== undefined
          ? environmentsInScope(step.environment, input.environments)
          : undefined;
      if (environments?.length === 0) {
        gates[step.gi] = G_NOT_APPLICABLE;
        for (const c of step.checks) checks[c.ci] = NOT_APPLICABLE;
        continue;
      }
      let blocked = false;
      for (const d of step.deps)
        if (gates[d] !== G_PASSED && gates[d] !== G_NOT_APPLICABLE)
          blocked = true;
      let failed = false;
      let open = false;
      for (const c of step.checks) {
        let s: number;
        if (c.manual) {
          s = UNKNOWN;
          if (hasAttestations) {
            for (const a of input.attestations) {
              if (
                a.gateId === step.gateId &&
                a.checkId === c.id &&
                new Date(a.validUntil).getTime() > now
              )
                s = PASS;
            }
          }
        } else if (c.perEnvironment) {
          // Worst over the environments in scope: fail, then unknown, then pass.
          s = PASS;
          for (const environment of environments!) {
            const fact = factFor(
              c.check,
              factTypeFor(c.fact!, environment),
              input,
            );
            if (fact === undefined) {
              if (s === PASS) s = UNKNOWN;
            } else if (!c.test!(fact.value)) {
              s = FAIL;
            }
          }
        } else {
          const fact = factFor(c.check, c.fact!, input);
          if (fact === undefined) s = UNKNOWN;
          else s = c.test!(fact.value) ? PASS : FAIL;
        }
        if (
          s !== PASS &&
          hasWaivers &&
          isWaived(input.waivers, step.gateId, c.id, now)
        )
          s = WAIVED;
        if (s === FAIL) failed = true;
        else if (s === UNKNOWN) open = true;
        checks[c.ci] = blocked ? BLOCKED : s;
      }
      if (blocked) gates[step.gi] = G_BLOCKED;
      else if (failed) gates[step.gi] = G_FAILED;
      else if (open) gates[step.gi] = G_UNKNOWN;
      else gates[step.gi] = G_PASSED;
    }
    return { checks, gates };
  };
}

function isWaived(
  waivers: Waiver[],
  gateId: string,
  checkId: string,
  now: number,
): boolean {
  for (const w of waivers) {
    if (
      w.gateId === gateId &&
      w.checkId === checkId &&
      w.approvedBy &&
      !w.revokedAt &&
      new Date(w.expiresAt).getTime() > now
    ) {
      return true;
    }
  }
  return false;
}
