import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  CheckResult,
  Fact,
  GateResult,
  RootCause,
  Track,
  TrackCheck,
  TrackEntityFilter,
  TrackEvaluation,
  Waiver,
} from '@internal/plugin-readiness-common';
import { compileCondition, CompiledCondition, describeCondition, readPath } from './compileCondition';

/** A track prepared for evaluation: gates in dependency order, conditions compiled once. */
export interface CompiledTrack {
  track: Track;
  order: string[];
  gates: Map<string, { dependsOn: string[]; checks: Array<{ check: TrackCheck; test?: CompiledCondition }> }>;
}

/** Orders gates so that each comes after every gate it depends on (the track parser has ruled out cycles). */
export function topologicalOrder(gates: Array<{ id: string; dependsOn: string[] }>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const byId = new Map(gates.map(g => [g.id, g]));
  const visit = (id: string) => {
    if (done.has(id)) return;
    done.add(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep);
    order.push(id);
  };
  gates.forEach(g => visit(g.id));
  return order;
}

export function compileTrack(track: Track): CompiledTrack {
  return {
    track,
    order: topologicalOrder(track.spec.gates),
    gates: new Map(
      track.spec.gates.map(gate => [
        gate.id,
        {
          dependsOn: gate.dependsOn,
          checks: gate.checks.map(check => ({
            check,
            test: check.condition ? compileCondition(check.condition) : undefined,
          })),
        },
      ]),
    ),
  };
}

function filterValue(entity: Entity, key: string): string[] {
  switch (key) {
    case 'kind':
      return [entity.kind];
    case 'metadata.namespace':
      return [entity.metadata.namespace ?? 'default'];
    case 'metadata.tags':
      return entity.metadata.tags ?? [];
    default: {
      const v = readPath(entity as any, key.split('.'));
      return typeof v === 'string' ? [v] : [];
    }
  }
}

/** Whether a track applies to an entity: any filter matches, and within a filter every key (case-insensitive). */
export function trackAppliesTo(filters: TrackEntityFilter[], entity: Entity): boolean {
  return filters.some(filter =>
    Object.entries(filter).every(([key, wanted]) => {
      const wantedList = (Array.isArray(wanted) ? wanted : [wanted]).map(w => w.toLowerCase());
      return filterValue(entity, key).some(v => wantedList.includes(v.toLowerCase()));
    }),
  );
}

/** What the evaluator knows about one entity. */
export interface EvaluationInput {
  entityRef: string;
  /** The latest fact of each type about the entity. */
  facts: Map<string, Fact>;
  /** The latest facts about other entities that checks name with `entity`, by entity ref. */
  otherFacts?: Map<string, Map<string, Fact>>;
  attestations: Attestation[];
  waivers: Waiver[];
  now: Date;
}

const key = (gateId: string, checkId: string) => `${gateId}\u0000${checkId}`;

function activeWaiver(waivers: Waiver[], now: Date): Waiver | undefined {
  return waivers.find(
    w => w.approvedBy && !w.revokedAt && new Date(w.expiresAt).getTime() > now.getTime(),
  );
}

function evaluateCheck(
  gateId: string,
  compiled: { check: TrackCheck; test?: CompiledCondition },
  input: EvaluationInput,
  attestationsByCheck: Map<string, Attestation[]>,
): CheckResult {
  const { check, test } = compiled;
  if (check.manual) {
    const valid = (attestationsByCheck.get(key(gateId, check.id)) ?? [])
      .filter(a => new Date(a.validUntil).getTime() > input.now.getTime())
      .sort((a, b) => b.attestedAt.localeCompare(a.attestedAt))[0];
    return valid
      ? { checkId: check.id, status: 'pass', message: `Attested by ${valid.attestedBy}, valid until ${valid.validUntil.slice(0, 10)}`, attestation: valid }
      : { checkId: check.id, status: 'unknown', message: 'Needs an attestation: nobody has signed this off' };
  }
  const fact =
    check.entity && check.entity !== input.entityRef
      ? input.otherFacts?.get(check.entity)?.get(check.fact!)
      : input.facts.get(check.fact!);
  if (!fact) {
    const of = check.entity ? ` for ${check.entity}` : '';
    return { checkId: check.id, status: 'unknown', message: `Cannot measure: no ${check.fact} fact${of}` };
  }
  const passed = test!(fact.value);
  const condition = describeCondition(check.condition!);
  return {
    checkId: check.id,
    status: passed ? 'pass' : 'fail',
    message: passed
      ? `${check.fact}${check.entity ? ` of ${check.entity}` : ''}: ${condition}`
      : `${check.fact}${check.entity ? ` of ${check.entity}` : ''}: expected ${condition}, found ${JSON.stringify(fact.value)}`,
    fact,
  };
}

/**
 * Evaluates one track for one entity: every check, then every gate in dependency order. A gate whose
 * dependencies have not all passed is `blocked` (its checks too); its root causes are the failing or unknown
 * checks of the gates at the bottom of the chain.
 */
export function evaluateTrack(compiled: CompiledTrack, input: EvaluationInput): TrackEvaluation {
  const attestationsByCheck = new Map<string, Attestation[]>();
  for (const a of input.attestations) {
    const k = key(a.gateId, a.checkId);
    attestationsByCheck.set(k, [...(attestationsByCheck.get(k) ?? []), a]);
  }
  const waiversByCheck = new Map<string, Waiver[]>();
  for (const w of input.waivers) {
    const k = key(w.gateId, w.checkId);
    waiversByCheck.set(k, [...(waiversByCheck.get(k) ?? []), w]);
  }

  const results = new Map<string, GateResult>();
  for (const gateId of compiled.order) {
    const gate = compiled.gates.get(gateId)!;
    const blockedBy = gate.dependsOn.filter(dep => results.get(dep)?.status !== 'passed');
    const checks = gate.checks.map(c => {
      const own = evaluateCheck(gateId, c, input, attestationsByCheck);
      const waiver = own.status === 'pass' ? undefined : activeWaiver(waiversByCheck.get(key(gateId, c.check.id)) ?? [], input.now);
      const decided: CheckResult = waiver
        ? { ...own, status: 'waived', underlying: own.status as 'fail' | 'unknown', waiver, message: `Waived until ${waiver.expiresAt.slice(0, 10)}: ${waiver.reason}` }
        : own;
      if (blockedBy.length > 0) {
        return { ...decided, status: 'blocked' as const, underlying: (decided.underlying ?? decided.status) as 'pass' | 'fail' | 'unknown' };
      }
      return decided;
    });

    let status: GateResult['status'];
    let rootCauses: RootCause[];
    if (blockedBy.length > 0) {
      status = 'blocked';
      const seen = new Set<string>();
      rootCauses = blockedBy
        .flatMap(dep => results.get(dep)!.rootCauses)
        .filter(rc => {
          const k = key(rc.gateId, rc.checkId);
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
    } else {
      const own = checks.filter(c => c.status === 'fail' || c.status === 'unknown');
      if (checks.some(c => c.status === 'fail')) status = 'failed';
      else if (own.length > 0) status = 'unknown';
      else status = 'passed';
      rootCauses = own.map(c => ({ gateId, checkId: c.checkId, status: c.status as 'fail' | 'unknown', message: c.message }));
    }
    results.set(gateId, { gateId, status, checks, blockedBy, rootCauses });
  }

  // Report gates in the order the track lists them.
  const gates = compiled.track.spec.gates.map(g => results.get(g.id)!);
  const nextGateId = compiled.order.find(id => results.get(id)!.status !== 'passed');
  return {
    trackId: compiled.track.metadata.name,
    entityRef: input.entityRef,
    evaluatedAt: input.now.toISOString(),
    gates,
    summary: {
      gatesPassed: gates.filter(g => g.status === 'passed').length,
      gatesTotal: gates.length,
      ...(nextGateId ? { nextGate: nextGateId } : {}),
      blockers: nextGateId ? results.get(nextGateId)!.rootCauses : [],
    },
  };
}
