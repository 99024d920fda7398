import {
  CheckResult,
  describeCheckResult,
  GateResult,
  joinWords,
  refDisplayName,
  TrackEvaluation,
} from '@readiness-io/plugin-readiness-common';
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
  gateStatusCodes,
  NOT_APPLICABLE,
  statusEvaluatorOf,
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

  // Every check in words first (the one formatter in -common): a blocked gate's root causes are checks of the
  // gates it waits for.
  const titleOf = new Map(gates.map(g => [g.id, g.title]));
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
    `${
      input.systemRef ? refDisplayName(input.systemRef) : "The entity's system"
    } has no ${scope} environment recorded yet`;
  const checksOf = gates.map((gate, g) => {
    // What a blocked check waits for, said by the gates at the bottom of the chain (those of its root causes),
    // not every gate in between.
    const bottom = [
      ...new Set(causes.get(gate.id)!.rootCauses.map(rc => rc.gateId)),
    ];
    const waitingFor = (
      bottom.length > 0 ? bottom : causes.get(gate.id)!.blockedBy
    ).map(id => titleOf.get(id) ?? id);
    return compiled.gates.get(gate.id)!.checks.map((c, j) => {
      const result = checkResult(
        c,
        checkStatusCodes[vector.checks[slots[g] + j]],
        decisions[slots[g] + j],
      );
      const env = decisions[slots[g] + j].environment;
      const check =
        env && c.check.fact
          ? { ...c.check, fact: factTypeFor(c.check.fact, env) }
          : c.check;
      const environments = scopes[g].environments ?? [];
      const message =
        c.perEnvironment && result.status === 'pass' && environments.length > 1
          ? `${c.check.title}: passes in each of ${joinWords(environments)}.`
          : describeCheckResult(check, result, {
              now: input.now,
              entityRef: input.entityRef,
              waitingFor,
              notApplicable: notApplicableMessage(scopes[g].scope),
            });
      return { ...result, message };
    });
  });
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
        ? { message: `${notApplicableMessage(scope)}.` }
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

/** One check's result from its decision: status, and the fact, attestation or waiver behind it (words come after). */
function checkResult(
  compiled: CompiledCheck,
  status: CheckResult['status'],
  decision: CheckDecision,
): CheckResult {
  const checkId = compiled.check.id;
  if (decision.own === NOT_APPLICABLE) {
    return { checkId, status, message: '' };
  }
  const own = OWN[decision.own as 0 | 1 | 2];
  let result: CheckResult = {
    checkId,
    status: own,
    message: '',
    ...(decision.attestation ? { attestation: decision.attestation } : {}),
    ...(decision.fact ? { fact: decision.fact } : {}),
  };
  if (status === 'waived') {
    result = {
      ...result,
      status: 'waived',
      underlying: own as 'fail' | 'unknown',
      waiver: decision.waiver!,
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
