import {
  Attestation,
  CheckStatus,
  Fact,
  GateStatus,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import {
  CompiledTrack,
  environmentsInScope,
  EvaluationInput,
  factFor,
  factTypeFor,
} from './compiledTrack';

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

export const PASS = 0;
export const FAIL = 1;
export const UNKNOWN = 2;
export const BLOCKED = 3;
export const WAIVED = 4;
export const NOT_APPLICABLE = 5;
export const G_PASSED = 0;
export const G_FAILED = 1;
export const G_BLOCKED = 2;
export const G_UNKNOWN = 3;
export const G_NOT_APPLICABLE = 4;

/**
 * Every check's and gate's status for one entity, as codes: `checks[i]` for the i-th check of the track (gates in
 * the order the track lists them, checks in gate order), `gates[g]` for the g-th gate.
 */
export interface StatusVector {
  checks: Uint8Array;
  gates: Uint8Array;
}

/**
 * Why a check got its status, for the detailed evaluation to put into words: the status on its own (`own`: before
 * a waiver or a blocked gate), the fact it was decided on (for a check decided per environment, the environment
 * that decided it), the attestation or the waiver that applied.
 */
export interface CheckDecision {
  own: number;
  fact?: Fact;
  environment?: string;
  attestation?: Attestation;
  waiver?: Waiver;
}

/** Receives the decision of each check (by its index in the vector) when the evaluator is asked to explain. */
export type ExplainCheck = (
  checkIndex: number,
  decision: CheckDecision,
) => void;

/**
 * The decision rules of readiness, in one place. Compiles a track once into a function that decides every check
 * and gate of an entity as status codes:
 *
 * - a gate scoped to an environment applies only while the entity's System has an active one of that tier or name;
 *   otherwise it and its checks are not applicable (and do not block the gates after it);
 * - a manual check passes with an attestation still valid, and is unknown without one;
 * - a fact check passes when its condition holds for the latest fact, fails when it does not, and is unknown
 *   without a fact; a check whose fact names `{environment}` is decided in each environment in scope: it fails if
 *   it fails in any, is unknown if it cannot be measured in any, and passes only in all;
 * - a check that does not pass is waived while an approved, unrevoked, unexpired waiver covers it;
 * - a gate is blocked while a gate it depends on has not passed (and is applicable); its checks are blocked too;
 *   otherwise it fails when a check fails, is unknown when a check is unknown, and passes when none is.
 *
 * The scheduled re-evaluation calls it without `explain` (no messages, no objects: one pair of byte arrays per
 * entity); the detailed evaluation ({@link evaluateTrack}) calls it with `explain` and puts the decisions into words.
 */
export function compileStatusEvaluator(
  compiled: CompiledTrack,
): (input: EvaluationInput, explain?: ExplainCheck) => StatusVector {
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

  return (input: EvaluationInput, explain?: ExplainCheck): StatusVector => {
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
        for (const c of step.checks) {
          checks[c.ci] = NOT_APPLICABLE;
          explain?.(c.ci, { own: NOT_APPLICABLE });
        }
        continue;
      }
      let blocked = false;
      for (const d of step.deps) {
        if (gates[d] !== G_PASSED && gates[d] !== G_NOT_APPLICABLE) {
          blocked = true;
        }
      }
      let failed = false;
      let open = false;
      for (const c of step.checks) {
        let s: number;
        let fact: Fact | undefined;
        let environment: string | undefined;
        let attestation: Attestation | undefined;
        if (c.manual) {
          s = UNKNOWN;
          if (hasAttestations) {
            for (const a of input.attestations) {
              if (
                a.gateId === step.gateId &&
                a.checkId === c.id &&
                new Date(a.validUntil).getTime() > now &&
                (!attestation || a.attestedAt > attestation.attestedAt)
              ) {
                s = PASS;
                attestation = a;
              }
            }
          }
        } else if (c.perEnvironment) {
          // Worst over the environments in scope: fail, then unknown, then pass.
          s = PASS;
          for (const env of environments!) {
            const f = factFor(c.check, factTypeFor(c.fact!, env), input);
            let own = UNKNOWN;
            if (f !== undefined) own = c.test!(f.value) ? PASS : FAIL;
            if (
              environment === undefined ||
              (own === FAIL && s !== FAIL) ||
              (own === UNKNOWN && s === PASS)
            ) {
              s = own;
              fact = f;
              environment = env;
            }
          }
        } else {
          fact = factFor(c.check, c.fact!, input);
          if (fact === undefined) s = UNKNOWN;
          else s = c.test!(fact.value) ? PASS : FAIL;
        }
        const own = s;
        let waiver: Waiver | undefined;
        if (s !== PASS && hasWaivers) {
          waiver = activeWaiver(input.waivers, step.gateId, c.id, now);
          if (waiver) s = WAIVED;
        }
        if (s === FAIL) failed = true;
        else if (s === UNKNOWN) open = true;
        checks[c.ci] = blocked ? BLOCKED : s;
        explain?.(c.ci, { own, fact, environment, attestation, waiver });
      }
      if (blocked) gates[step.gi] = G_BLOCKED;
      else if (failed) gates[step.gi] = G_FAILED;
      else if (open) gates[step.gi] = G_UNKNOWN;
      else gates[step.gi] = G_PASSED;
    }
    return { checks, gates };
  };
}

function activeWaiver(
  waivers: Waiver[],
  gateId: string,
  checkId: string,
  now: number,
): Waiver | undefined {
  for (const w of waivers) {
    if (
      w.gateId === gateId &&
      w.checkId === checkId &&
      w.approvedBy &&
      !w.revokedAt &&
      new Date(w.expiresAt).getTime() > now
    ) {
      return w;
    }
  }
  return undefined;
}

const evaluators = new WeakMap<
  CompiledTrack['track'],
  ReturnType<typeof compileStatusEvaluator>
>();

/** The status evaluator of a compiled track, compiled once per track. */
export function statusEvaluatorOf(
  compiled: CompiledTrack,
): ReturnType<typeof compileStatusEvaluator> {
  let evaluator = evaluators.get(compiled.track);
  if (!evaluator) {
    evaluator = compileStatusEvaluator(compiled);
    evaluators.set(compiled.track, evaluator);
  }
  return evaluator;
}
