import {
  CheckResult,
  GateResult,
  TrackEvaluation,
} from '@internal/plugin-readiness-common';
import {
  CompiledCheck,
  CompiledTrack,
  environmentsInScope,
  EvaluationInput,
  factTypeFor,
} from './compiledTrack';
import { rootCausesByGate } from './rootCauses';
import {
  CheckDecision,
  checkStatusCodes,
  FAIL,
  gateStatusCodes,
  NOT_APPLICABLE,
  statusEvaluatorOf,
  UNKNOWN,
} from './statusEvaluator';

/**
 * Evaluates one track for one entity in full detail: the statuses come from the track's status evaluator (the
 * decision rules live there, once); this puts each decision into words and adds the evidence behind it, the gates
 * each blocked gate waits for, and the root causes — the failing or unmeasured checks at the bottom of the chain.
 */
export function evaluateTrack(
  compiled: CompiledTrack,
  input: EvaluationInput,
): TrackEvaluation {
  const decisions: CheckDecision[] = [];
  const vector = statusEvaluatorOf(compiled)(input, (ci, d) => {
    decisions[ci] = d;
  });
  const gates = compiled.track.spec.gates;
  const gateStatus = new Map(
    gates.map((g, i) => [g.id, gateStatusCodes[vector.gates[i]]]),
  );
  const checkStatus = new Map<string, string>();
  let ci = 0;
  const slots = gates.map(g => {
    const start = ci;
    for (const c of g.checks) {
      checkStatus.set(`${g.id}/${c.id}`, checkStatusCodes[vector.checks[ci++]]);
    }
    return start;
  });
  const causes = rootCausesByGate(
    gates,
    compiled.order,
    id => gateStatus.get(id),
    (gateId, checkId) => checkStatus.get(`${gateId}/${checkId}`),
  );

  // Every check in words first: a blocked gate's root causes are checks of the gates it waits for.
  const scopes = gates.map(gate => {
    const scope = compiled.gates.get(gate.id)!.environment;
    return {
      scope,
      environments:
        scope !== undefined
          ? environmentsInScope(scope, input.environments)
          : undefined,
    };
  });
  const notApplicableMessage = (scope: string | undefined) =>
    `Not applicable: no ${scope} environment is recorded for ${
      input.systemRef ?? "the entity's system"
    }`;
  const checksOf = gates.map((gate, g) =>
    compiled.gates
      .get(gate.id)!
      .checks.map((c, j) =>
        describeCheck(
          c,
          checkStatusCodes[vector.checks[slots[g] + j]],
          decisions[slots[g] + j],
          scopes[g].environments ?? [],
          notApplicableMessage(scopes[g].scope),
        ),
      ),
  );
  const messageOf = new Map(
    gates.flatMap((gate, g) =>
      checksOf[g].map(c => [`${gate.id}/${c.checkId}`, c.message] as const),
    ),
  );
  const results: GateResult[] = gates.map((gate, g) => {
    const status = gateStatus.get(gate.id)!;
    const { environments, scope } = scopes[g];
    const { blockedBy, rootCauses } = causes.get(gate.id)!;
    return {
      gateId: gate.id,
      status,
      checks: checksOf[g],
      blockedBy,
      rootCauses: rootCauses.map(rc => ({
        ...rc,
        message: messageOf.get(`${rc.gateId}/${rc.checkId}`)!,
      })),
      ...(environments ? { environments } : {}),
      ...(status === 'not-applicable'
        ? { message: notApplicableMessage(scope) }
        : {}),
    };
  });

  const applying = results.filter(r => r.status !== 'not-applicable');
  const nextGate = compiled.order.find(id => {
    const s = gateStatus.get(id);
    return s !== 'passed' && s !== 'not-applicable';
  });
  return {
    trackId: compiled.track.metadata.name,
    entityRef: input.entityRef,
    evaluatedAt: input.now.toISOString(),
    gates: results,
    summary: {
      gatesPassed: applying.filter(r => r.status === 'passed').length,
      gatesTotal: applying.length,
      ...(nextGate ? { nextGate } : {}),
      blockers: nextGate
        ? results.find(r => r.gateId === nextGate)!.rootCauses
        : [],
    },
  };
}

const OWN = ['pass', 'fail', 'unknown'] as const;

/** One check's result in words, from its decision. */
function describeCheck(
  compiled: CompiledCheck,
  status: CheckResult['status'],
  decision: CheckDecision,
  environments: string[],
  notApplicable: string,
): CheckResult {
  const checkId = compiled.check.id;
  if (decision.own === NOT_APPLICABLE) {
    return { checkId, status, message: notApplicable };
  }
  const own = OWN[decision.own as 0 | 1 | 2];
  let result: CheckResult;
  if (compiled.check.manual) {
    const a = decision.attestation;
    result = a
      ? {
          checkId,
          status: own,
          message: `Attested by ${
            a.attestedBy
          }, valid until ${a.validUntil.slice(0, 10)}`,
          attestation: a,
        }
      : {
          checkId,
          status: own,
          message: 'Needs an attestation: nobody has signed this off',
        };
  } else {
    const env = decision.environment;
    const label = env ? factTypeFor(compiled.label!, env) : compiled.label!;
    let message: string;
    if (decision.own === UNKNOWN) {
      message = env
        ? factTypeFor(compiled.unknownMessage!, env)
        : compiled.unknownMessage!;
    } else if (decision.own === FAIL) {
      message = `${label}: expected ${
        compiled.condition
      }, found ${JSON.stringify(decision.fact!.value)}`;
    } else if (env && environments.length > 1) {
      message = `${compiled.label}: ${
        compiled.condition
      } in each of ${environments.join(', ')}`;
    } else {
      message = `${label}: ${compiled.condition}`;
    }
    result = {
      checkId,
      status: own,
      message,
      ...(decision.fact ? { fact: decision.fact } : {}),
    };
  }
  if (status === 'waived') {
    const w = decision.waiver!;
    result = {
      ...result,
      status: 'waived',
      underlying: own as 'fail' | 'unknown',
      waiver: w,
      message: `Waived until ${w.expiresAt.slice(0, 10)}: ${w.reason}`,
    };
  }
  if (status === 'blocked') {
    result = {
      ...result,
      status: 'blocked',
      underlying: result.underlying ?? own,
    };
  }
  return result;
}
