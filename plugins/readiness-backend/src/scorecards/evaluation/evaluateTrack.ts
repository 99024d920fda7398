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
  gates: Map<string, { dependsOn: string[]; checks: CompiledCheck[] }>;
}

/** A check with its condition compiled and its messages' fixed parts written once. */
export interface CompiledCheck {
  check: TrackCheck;
  test?: CompiledCondition;
  /** `evidence.x of component:default/y` or `evidence.x`. */
  label?: string;
  /** What the condition asks, e.g. `status equal "passed"`. */
  condition?: string;
  passMessage?: string;
  unknownMessage?: string;
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
          checks: gate.checks.map((check): CompiledCheck => {
            if (!check.condition) return { check };
            const label = check.entity ? `${check.fact} of ${check.entity}` : check.fact!;
            const condition = describeCondition(check.condition);
            return {
              check,
              test: compileCondition(check.condition),
              label,
              condition,
              passMessage: `${label}: ${condition}`,
              unknownMessage: `Cannot measure: no ${check.fact} fact${check.entity ? ` for ${check.entity}` : ''}`,
            };
          }),
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
  compiled: CompiledCheck,
  input: EvaluationInput,
  attestationsByCheck: Map<string, Attestation[]> | undefined,
): CheckResult {
  const check = compiled.check;
  if (check.manual) {
    const now = input.now.getTime();
    const valid = (attestationsByCheck?.get(key(gateId, check.id)) ?? [])
      .filter(a => new Date(a.validUntil).getTime() > now)
      .sort((a, b) => b.attestedAt.localeCompare(a.attestedAt))[0];
    return valid
      ? { checkId: check.id, status: 'pass', message: `Attested by ${valid.attestedBy}, valid until ${valid.validUntil.slice(0, 10)}`, attestation: valid }
      : { checkId: check.id, status: 'unknown', message: 'Needs an attestation: nobody has signed this off' };
  }
  const fact =
    check.entity !== undefined && check.entity !== input.entityRef
      ? input.otherFacts?.get(check.entity)?.get(check.fact!)
      : input.facts.get(check.fact!);
  if (fact === undefined) {
    return { checkId: check.id, status: 'unknown', message: compiled.unknownMessage! };
  }
  return compiled.test!(fact.value)
    ? { checkId: check.id, status: 'pass', message: compiled.passMessage!, fact }
    : {
        checkId: check.id,
        status: 'fail',
        message: `${compiled.label}: expected ${compiled.condition}, found ${JSON.stringify(fact.value)}`,
        fact,
      };
}

function groupByCheck<T extends { gateId: string; checkId: string }>(items: T[]): Map<string, T[]> | undefined {
  if (items.length === 0) return undefined;
  const byCheck = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item.gateId, item.checkId);
    const list = byCheck.get(k);
    if (list) list.push(item);
    else byCheck.set(k, [item]);
  }
  return byCheck;
}

/**
 * Evaluates one track for one entity: every check, then every gate in dependency order. A gate whose
 * dependencies have not all passed is `blocked` (its checks too); its root causes are the failing or unknown
 * checks of the gates at the bottom of the chain.
 */
export function evaluateTrack(compiled: CompiledTrack, input: EvaluationInput): TrackEvaluation {
  const attestationsByCheck = groupByCheck(input.attestations);
  const waiversByCheck = groupByCheck(input.waivers);

  const results = new Map<string, GateResult>();
  for (const gateId of compiled.order) {
    const gate = compiled.gates.get(gateId)!;
    const blockedBy: string[] = [];
    for (const dep of gate.dependsOn) {
      if (results.get(dep)!.status !== 'passed') blockedBy.push(dep);
    }
    const blocked = blockedBy.length > 0;
    const checks: CheckResult[] = [];
    let failed = false;
    let open = false;
    for (const c of gate.checks) {
      let result = evaluateCheck(gateId, c, input, attestationsByCheck);
      if (result.status !== 'pass' && waiversByCheck) {
        const waiver = activeWaiver(waiversByCheck.get(key(gateId, c.check.id)) ?? [], input.now);
        if (waiver) {
          result = {
            ...result,
            status: 'waived',
            underlying: result.status as 'fail' | 'unknown',
            waiver,
            message: `Waived until ${waiver.expiresAt.slice(0, 10)}: ${waiver.reason}`,
          };
        }
      }
      if (result.status === 'fail') failed = true;
      else if (result.status === 'unknown') open = true;
      if (blocked) {
        result = { ...result, status: 'blocked', underlying: (result.underlying ?? result.status) as 'pass' | 'fail' | 'unknown' };
      }
      checks.push(result);
    }

    let status: GateResult['status'];
    let rootCauses: RootCause[];
    if (blocked) {
      status = 'blocked';
      if (blockedBy.length === 1) {
        rootCauses = results.get(blockedBy[0])!.rootCauses;
      } else {
        const seen = new Set<string>();
        rootCauses = [];
        for (const dep of blockedBy) {
          for (const rc of results.get(dep)!.rootCauses) {
            const k = key(rc.gateId, rc.checkId);
            if (!seen.has(k)) {
              seen.add(k);
              rootCauses.push(rc);
            }
          }
        }
      }
    } else {
      if (failed) status = 'failed';
      else if (open) status = 'unknown';
      else status = 'passed';
      rootCauses = [];
      if (failed || open) {
        for (const c of checks) {
          if (c.status === 'fail' || c.status === 'unknown') {
            rootCauses.push({ gateId, checkId: c.checkId, status: c.status, message: c.message });
          }
        }
      }
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
