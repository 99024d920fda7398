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
import {
  compileCondition,
  CompiledCondition,
  describeCondition,
  readPath,
} from './compileCondition';

/** A track prepared for evaluation: gates in dependency order, conditions compiled once. */
export interface CompiledTrack {
  track: Track;
  order: string[];
  gates: Map<
    string,
    { dependsOn: string[]; environment?: string; checks: CompiledCheck[] }
  >;
}

/** In a fact type of a check of an environment-scoped gate, stands for each environment's name. */
export const ENVIRONMENT_PLACEHOLDER = '{environment}';

/** An environment recorded for the entity's System (see the environments registry). */
export interface EvaluationEnvironment {
  /** The environment Resource's name, e.g. `rag-staging`. */
  name: string;
  tier: string;
}

/** The environments a gate scoped to `scope` (a tier or an environment name) applies to, sorted by name. */
export function environmentsInScope(
  scope: string,
  environments: EvaluationEnvironment[] | undefined,
): string[] {
  const wanted = scope.toLocaleLowerCase('en-US');
  return (environments ?? [])
    .filter(
      e =>
        e.tier.toLocaleLowerCase('en-US') === wanted ||
        e.name.toLocaleLowerCase('en-US') === wanted,
    )
    .map(e => e.name)
    .sort();
}

/** A check's fact type for one environment (`deployments.{environment}.lastSuccessful` → `deployments.rag-staging.lastSuccessful`). */
export function factTypeFor(factType: string, environment: string): string {
  return factType.split(ENVIRONMENT_PLACEHOLDER).join(environment);
}

/** A check with its condition compiled and its messages' fixed parts written once. */
export interface CompiledCheck {
  check: TrackCheck;
  test?: CompiledCondition;
  /** `evidence.x of component:default/y` or `evidence.x`. */
  label?: string;
  /** Whether the fact type names `{environment}`: the check is decided once per environment in the gate's scope. */
  perEnvironment?: boolean;
  /** What the condition asks, e.g. `status equal "passed"`. */
  condition?: string;
  passMessage?: string;
  unknownMessage?: string;
}

/** Orders gates so that each comes after every gate it depends on (the track parser has ruled out cycles). */
export function topologicalOrder(
  gates: Array<{ id: string; dependsOn: string[] }>,
): string[] {
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
          ...(gate.environment ? { environment: gate.environment } : {}),
          checks: gate.checks.map((check): CompiledCheck => {
            if (!check.condition) return { check };
            const label = check.entity
              ? `${check.fact} of ${check.entity}`
              : check.fact!;
            const condition = describeCondition(check.condition);
            return {
              check,
              test: compileCondition(check.condition),
              label,
              condition,
              ...(gate.environment &&
              check.fact!.includes(ENVIRONMENT_PLACEHOLDER)
                ? { perEnvironment: true }
                : {}),
              passMessage: `${label}: ${condition}`,
              unknownMessage: `Cannot measure: no ${check.fact} fact${
                check.entity ? ` for ${check.entity}` : ''
              }`,
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
export function trackAppliesTo(
  filters: TrackEntityFilter[],
  entity: Entity,
): boolean {
  return filters.some(filter =>
    Object.entries(filter).every(([key, wanted]) => {
      const wantedList = (Array.isArray(wanted) ? wanted : [wanted]).map(w =>
        w.toLowerCase(),
      );
      return filterValue(entity, key).some(v =>
        wantedList.includes(v.toLowerCase()),
      );
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
  /** The active environments recorded for the entity's System; environment-scoped gates apply to these. */
  environments?: EvaluationEnvironment[];
  /** The entity's System, for messages (`system:default/rag-platform`). */
  systemRef?: string;
}

const key = (gateId: string, checkId: string) => `${gateId}\u0000${checkId}`;

function activeWaiver(waivers: Waiver[], now: Date): Waiver | undefined {
  return waivers.find(
    w =>
      w.approvedBy &&
      !w.revokedAt &&
      new Date(w.expiresAt).getTime() > now.getTime(),
  );
}

/** The latest fact of a type about the check's entity (the evaluated one, or the one the check names). */
export function factFor(
  check: TrackCheck,
  type: string,
  input: EvaluationInput,
): Fact | undefined {
  return check.entity !== undefined && check.entity !== input.entityRef
    ? input.otherFacts?.get(check.entity)?.get(type)
    : input.facts.get(type);
}

const SEVERITY: Record<'pass' | 'fail' | 'unknown', number> = {
  pass: 0,
  unknown: 1,
  fail: 2,
};

/** A fact-based check decided on one fact (or its absence), with the messages for its label. */
function decide(
  compiled: CompiledCheck,
  fact: Fact | undefined,
  label: string,
  unknownMessage: string,
  passMessage: string,
): CheckResult {
  const checkId = compiled.check.id;
  if (fact === undefined)
    return { checkId, status: 'unknown', message: unknownMessage };
  return compiled.test!(fact.value)
    ? { checkId, status: 'pass', message: passMessage, fact }
    : {
        checkId,
        status: 'fail',
        message: `${label}: expected ${
          compiled.condition
        }, found ${JSON.stringify(fact.value)}`,
        fact,
      };
}

/**
 * A check whose fact names `{environment}`, decided for each environment in scope: it fails if it fails for any,
 * is unknown if it cannot be measured for any (and fails for none), and passes when it passes for every one.
 */
function evaluatePerEnvironment(
  compiled: CompiledCheck,
  input: EvaluationInput,
  environments: string[],
): CheckResult {
  const check = compiled.check;
  let worst: CheckResult | undefined;
  for (const environment of environments) {
    const type = factTypeFor(check.fact!, environment);
    const label = factTypeFor(compiled.label!, environment);
    const result = decide(
      compiled,
      factFor(check, type, input),
      label,
      factTypeFor(compiled.unknownMessage!, environment),
      `${label}: ${compiled.condition}`,
    );
    if (
      !worst ||
      SEVERITY[result.status as 'pass'] > SEVERITY[worst.status as 'pass']
    )
      worst = result;
  }
  if (worst!.status === 'pass' && environments.length > 1) {
    return {
      ...worst!,
      message: `${compiled.label}: ${
        compiled.condition
      } in each of ${environments.join(', ')}`,
    };
  }
  return worst!;
}

function evaluateCheck(
  gateId: string,
  compiled: CompiledCheck,
  input: EvaluationInput,
  attestationsByCheck: Map<string, Attestation[]> | undefined,
  environments: string[] | undefined,
): CheckResult {
  const check = compiled.check;
  if (check.manual) {
    const now = input.now.getTime();
    const valid = (attestationsByCheck?.get(key(gateId, check.id)) ?? [])
      .filter(a => new Date(a.validUntil).getTime() > now)
      .sort((a, b) => b.attestedAt.localeCompare(a.attestedAt))[0];
    return valid
      ? {
          checkId: check.id,
          status: 'pass',
          message: `Attested by ${
            valid.attestedBy
          }, valid until ${valid.validUntil.slice(0, 10)}`,
          attestation: valid,
        }
      : {
          checkId: check.id,
          status: 'unknown',
          message: 'Needs an attestation: nobody has signed this off',
        };
  }
  if (compiled.perEnvironment)
    return evaluatePerEnvironment(compiled, input, environments!);
  return decide(
    compiled,
    factFor(check, check.fact!, input),
    compiled.label!,
    compiled.unknownMessage!,
    compiled.passMessage!,
  );
}

function groupByCheck<T extends { gateId: string; checkId: string }>(
  items: T[],
): Map<string, T[]> | undefined {
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
export function evaluateTrack(
  compiled: CompiledTrack,
  input: EvaluationInput,
): TrackEvaluation {
  const attestationsByCheck = groupByCheck(input.attestations);
  const waiversByCheck = groupByCheck(input.waivers);

  const results = new Map<string, GateResult>();
  for (const gateId of compiled.order) {
    const gate = compiled.gates.get(gateId)!;
    const environments =
      gate.environment !== undefined
        ? environmentsInScope(gate.environment, input.environments)
        : undefined;
    if (environments?.length === 0) {
      const message = `Not applicable: no ${
        gate.environment
      } environment is recorded for ${
        input.systemRef ?? "the entity's system"
      }`;
      results.set(gateId, {
        gateId,
        status: 'not-applicable',
        checks: gate.checks.map(c => ({
          checkId: c.check.id,
          status: 'not-applicable',
          message,
        })),
        blockedBy: [],
        rootCauses: [],
        environments: [],
        message,
      });
      continue;
    }
    const blockedBy: string[] = [];
    for (const dep of gate.dependsOn) {
      const depStatus = results.get(dep)!.status;
      if (depStatus !== 'passed' && depStatus !== 'not-applicable')
        blockedBy.push(dep);
    }
    const blocked = blockedBy.length > 0;
    const checks: CheckResult[] = [];
    let failed = false;
    let open = false;
    for (const c of gate.checks) {
      let result = evaluateCheck(
        gateId,
        c,
        input,
        attestationsByCheck,
        environments,
      );
      if (result.status !== 'pass' && waiversByCheck) {
        const waiver = activeWaiver(
          waiversByCheck.get(key(gateId, c.check.id)) ?? [],
          input.now,
        );
        if (waiver) {
          result = {
            ...result,
            status: 'waived',
            underlying: result.status as 'fail' | 'unknown',
            waiver,
            message: `Waived until ${waiver.expiresAt.slice(0, 10)}: ${
              waiver.reason
            }`,
          };
        }
      }
      if (result.status === 'fail') failed = true;
      else if (result.status === 'unknown') open = true;
      if (blocked) {
        result = {
          ...result,
          status: 'blocked',
          underlying: (result.underlying ?? result.status) as
            | 'pass'
            | 'fail'
            | 'unknown',
        };
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
            rootCauses.push({
              gateId,
              checkId: c.checkId,
              status: c.status,
              message: c.message,
            });
          }
        }
      }
    }
    results.set(gateId, {
      gateId,
      status,
      checks,
      blockedBy,
      rootCauses,
      ...(environments ? { environments } : {}),
    });
  }

  // Report gates in the order the track lists them.
  const gates = compiled.track.spec.gates.map(g => results.get(g.id)!);
  const applying = gates.filter(g => g.status !== 'not-applicable');
  const nextGateId = compiled.order.find(
    id =>
      results.get(id)!.status !== 'passed' &&
      results.get(id)!.status !== 'not-applicable',
  );
  return {
    trackId: compiled.track.metadata.name,
    entityRef: input.entityRef,
    evaluatedAt: input.now.toISOString(),
    gates,
    summary: {
      gatesPassed: applying.filter(g => g.status === 'passed').length,
      gatesTotal: applying.length,
      ...(nextGateId ? { nextGate: nextGateId } : {}),
      blockers: nextGateId ? results.get(nextGateId)!.rootCauses : [],
    },
  };
}
