import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  Fact,
  Track,
  TrackCheck,
  TrackEntityFilter,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import {
  compileCondition,
  CompiledCondition,
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
  /** Whether the fact type names `{environment}`: the check is decided once per environment in the gate's scope. */
  perEnvironment?: boolean;
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
            return {
              check,
              test: compileCondition(check.condition),
              ...(gate.environment &&
              check.fact!.includes(ENVIRONMENT_PLACEHOLDER)
                ? { perEnvironment: true }
                : {}),
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
