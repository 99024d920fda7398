import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  entityRefKey,
  Fact,
  systemRefOf,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import {
  factTypeMatches,
  ReadinessFactSource,
} from '@readiness-io/plugin-readiness-node';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { AttestationStore } from '../attestations/AttestationStore';
import { WaiverStore } from '../waivers/WaiverStore';
import { LoadedTrack, TrackRegistry } from '../tracks/TrackRegistry';
import { EnvironmentLookup } from './EnvironmentLookup';
import {
  ENVIRONMENT_PLACEHOLDER,
  EvaluationEnvironment,
  EvaluationInput,
  factTypeFor,
} from './compiledTrack';

/** One track to evaluate for one entity, with everything the evaluator needs. */
export interface PlannedEvaluation {
  track: LoadedTrack;
  input: EvaluationInput;
}

type Plan = {
  entity: Entity;
  entityRef: string;
  systemRef?: string;
  tracks: LoadedTrack[];
};

/**
 * Gathers what evaluating entities needs: the tracks that apply to each, the facts their checks read (theirs, and
 * other entities' that checks name), the attestations and waivers, and the environments of their Systems.
 */
export class EvaluationInputs {
  static create(deps: {
    tracks: TrackRegistry;
    factSources: ReadinessFactSource[];
    catalog: EntityCatalog;
    attestations: AttestationStore;
    waivers: WaiverStore;
    environments?: EnvironmentLookup;
    now?: () => Date;
  }) {
    return new EvaluationInputs(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof EvaluationInputs.create>[0],
  ) {}

  now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /**
   * One planned evaluation per entity and track that applies to it: by default the loaded tracks; `tracksFor` picks
   * others (the track preview evaluates a proposed track beside the loaded one).
   */
  async gather(
    entities: Entity[],
    credentials: BackstageCredentials,
    tracksFor: (entity: Entity) => LoadedTrack[] = entity =>
      this.deps.tracks.forEntity(entity),
  ): Promise<PlannedEvaluation[]> {
    return (await this.plan(entities, credentials, tracksFor, false)).planned;
  }

  /**
   * {@link EvaluationInputs.gather} with the loaded tracks, and every attestation and waiver of the entities (also
   * of tracks that do not apply to them) — what an entity's scorecard shows beside its evaluations, read once.
   */
  async gatherWithRecords(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<{
    planned: PlannedEvaluation[];
    attestations: Attestation[];
    waivers: Waiver[];
  }> {
    return this.plan(
      entities,
      credentials,
      entity => this.deps.tracks.forEntity(entity),
      true,
    );
  }

  private async plan(
    entities: Entity[],
    credentials: BackstageCredentials,
    tracksFor: (entity: Entity) => LoadedTrack[],
    recordsOfEveryEntity: boolean,
  ) {
    const now = this.now();
    const plans: Plan[] = entities
      .map(entity => ({
        entity,
        entityRef: entityRefKey(entity),
        systemRef: systemRefOf(entity),
        tracks: tracksFor(entity),
      }))
      .filter(p => p.tracks.length > 0);
    const environmentsOf = await this.environmentsOf(plans);
    const envs = (plan: Plan) => environmentsOf.get(plan.systemRef ?? '') ?? [];
    const facts = await this.facts(plans, envs, credentials);
    const refs = recordsOfEveryEntity
      ? entities.map(e => entityRefKey(e))
      : plans.map(p => p.entityRef);
    const [attestations, waivers] = await Promise.all([
      this.deps.attestations.listForEntities(refs),
      this.deps.waivers.listForEntities(refs),
    ]);
    const attestationsOf = groupByEntity(attestations);
    const waiversOf = groupByEntity(waivers);
    const noFacts = new Map<string, Fact>();
    const planned: PlannedEvaluation[] = plans.flatMap(plan =>
      plan.tracks.map(track => {
        const trackId = track.track.metadata.name;
        return {
          track,
          input: {
            entityRef: plan.entityRef,
            facts: facts.get(plan.entityRef) ?? noFacts,
            otherFacts: facts,
            attestations: (attestationsOf.get(plan.entityRef) ?? []).filter(
              a => a.trackId === trackId,
            ),
            // A campaign's exemptions change nothing on the scorecard.
            waivers: (waiversOf.get(plan.entityRef) ?? []).filter(
              w => w.trackId === trackId && !w.campaignId,
            ),
            now,
            environments: envs(plan),
            ...(plan.systemRef ? { systemRef: plan.systemRef } : {}),
          },
        };
      }),
    );
    return { planned, attestations, waivers };
  }

  private async environmentsOf(
    plans: Plan[],
  ): Promise<Map<string, EvaluationEnvironment[]>> {
    const systems = [
      ...new Set(plans.map(p => p.systemRef).filter((r): r is string => !!r)),
    ];
    if (!this.deps.environments || systems.length === 0) return new Map();
    return this.deps.environments.activeEnvironmentsOf(systems);
  }

  /** The latest fact of each type the plans' checks read, by entity ref and type. */
  private async facts(
    plans: Plan[],
    envs: (plan: Plan) => EvaluationEnvironment[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Map<string, Fact>>> {
    const wanted = new Set<string>();
    const foreignRefs = new Set<string>();
    for (const plan of plans) {
      for (const t of plan.tracks) {
        for (const gate of t.track.spec.gates) {
          for (const check of gate.checks) {
            if (check.fact?.includes(ENVIRONMENT_PLACEHOLDER)) {
              // One fact per environment the gate may apply to (the evaluator picks those in its scope).
              for (const e of envs(plan)) {
                wanted.add(factTypeFor(check.fact, e.name));
              }
            } else if (check.fact) {
              wanted.add(check.fact);
            }
            if (check.entity && check.entity !== plan.entityRef) {
              foreignRefs.add(check.entity);
            }
          }
        }
      }
    }
    const facts = new Map<string, Map<string, Fact>>();
    if (wanted.size === 0) return facts;
    const known = new Map(plans.map(p => [p.entityRef, p.entity]));
    const missing = [...foreignRefs].filter(r => !known.has(r));
    for (const item of await this.deps.catalog.getEntitiesByRefs(
      missing,
      credentials,
      { cached: true },
    )) {
      known.set(entityRefKey(item), item);
    }
    const allEntities = [...known.values()];
    // A source answers many facts per entity under the same ref: normalise each distinct ref once.
    const keys = new Map<string, string>();
    const keyOf = (ref: string) => {
      let key = keys.get(ref);
      if (key === undefined) keys.set(ref, (key = entityRefKey(ref)));
      return key;
    };
    await Promise.all(
      this.deps.factSources.map(async source => {
        const types = [...wanted].filter(t =>
          source.factTypes.some(d => factTypeMatches(d.type, t)),
        );
        if (types.length === 0) return;
        for (const fact of await source.getFacts({
          entities: allEntities,
          types,
        })) {
          const ref = keyOf(fact.entityRef);
          let byType = facts.get(ref);
          if (!byType) facts.set(ref, (byType = new Map()));
          byType.set(fact.type, fact);
        }
      }),
    );
    return facts;
  }
}

function groupByEntity<T extends { entityRef: string }>(
  items: T[],
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(item.entityRef);
    if (list) list.push(item);
    else grouped.set(item.entityRef, [item]);
  }
  return grouped;
}
