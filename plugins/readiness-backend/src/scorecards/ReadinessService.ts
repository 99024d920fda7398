import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  EntityScorecard,
  Fact,
  ReadinessOverview,
  SystemReadiness,
  TrackEvaluation,
} from '@internal/plugin-readiness-common';
import {
  factTypeMatches,
  ReadinessFactSource,
} from '@internal/plugin-readiness-node';
import { TrackRegistry } from './tracks/TrackRegistry';
import { evaluateTrack } from './evaluation/evaluateTrack';
import {
  checkStatusCodes,
  gateStatusCodes,
} from './evaluation/statusEvaluator';
import { AttestationStore } from './attestations/AttestationStore';
import { WaiverStore } from './waivers/WaiverStore';
import { ResultStore, resultKey, Transition } from './results/ResultStore';
import { rollUpSystem } from './systemRollup';
import { overviewRow, topRootCauses } from './overview';
import { CatalogLookupCache } from '../catalog/CatalogLookupCache';
import { EnvironmentStore } from '../environments/EnvironmentStore';
import {
  ENVIRONMENT_PLACEHOLDER,
  EvaluationEnvironment,
  factTypeFor,
} from './evaluation/evaluateTrack';

const BATCH = 500;

/** Entity refs are case-insensitive; the plugin stores and compares them in lower case. */
export const normalizeRef = (entity: Entity | string) =>
  (typeof entity === 'string'
    ? stringifyEntityRef(parseEntityRef(entity))
    : stringifyEntityRef(entity)
  ).toLocaleLowerCase('en-US');

/** The System an entity belongs to (`spec.system`, in the entity's namespace unless it says otherwise), lower case. */
export function systemOf(entity: Entity): string | undefined {
  const system = entity.spec?.system;
  if (typeof system !== 'string' || !system) return undefined;
  try {
    return normalizeRef(
      stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/** Gathers facts, evaluates tracks, stores transitions and tells owners about regressions. */
export class ReadinessService {
  static create(deps: {
    tracks: TrackRegistry;
    factSources: ReadinessFactSource[];
    catalog: CatalogService;
    auth: AuthService;
    attestations: AttestationStore;
    waivers: WaiverStore;
    results: ResultStore;
    logger: LoggerService;
    notifications?: NotificationService;
    /** The environments registry; without it, environment-scoped gates never apply. */
    environments?: EnvironmentStore;
    now?: () => Date;
    /** How long re-evaluation after new facts waits to gather a burst; default 1 s. */
    refreshDelayMs?: number;
  }): ReadinessService {
    return new ReadinessService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof ReadinessService.create>[0],
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private lookupCache?: CatalogLookupCache;
  private get lookups() {
    return (this.lookupCache ??= new CatalogLookupCache(this.deps.catalog));
  }

  /**
   * Looks an entity up in the catalog with the caller's credentials; 404 when it does not exist (for them).
   * `cached` (for the ingestion routes) reuses a lookup of the last few seconds by the same caller.
   */
  async getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    options: { cached?: boolean } = {},
  ): Promise<Entity> {
    const entity = options.cached
      ? await this.lookups.getEntityByRef(entityRef, credentials)
      : await this.deps.catalog.getEntityByRef(entityRef, { credentials });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }

  /** An entity of the catalog as the caller sees it, or undefined. */
  async findEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.deps.catalog.getEntityByRef(entityRef, { credentials });
  }

  /**
   * Asks for a re-evaluation of a System's entities (an environment of it was recorded or decommissioned, so gates
   * scoped to environments may now apply or stop applying), in the background; failures are logged.
   */
  requestSystemRefresh(systemRef: string): Promise<void> {
    return (async () => {
      const credentials = await this.deps.auth.getOwnServiceCredentials();
      await this.refresh(
        await this.entitiesOfSystem(systemRef, credentials),
        credentials,
      );
    })().catch(error =>
      this.deps.logger.warn(
        `Re-evaluation of ${systemRef} after an environment change failed: ${error}`,
      ),
    );
  }

  /** The entities (of a kind, when given) whose spec.system names the System, by name or by ref. */
  private async entitiesOfSystem(
    systemRef: string,
    credentials: BackstageCredentials,
    kind?: string,
  ): Promise<Entity[]> {
    const { namespace, name } = parseEntityRef(systemRef);
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          ...(kind ? { kind } : {}),
          'spec.system': [name, `system:${namespace}/${name}`],
        },
      },
      { credentials },
    );
    return items.filter(e => systemOf(e) === normalizeRef(systemRef));
  }

  /** Gathers what evaluating these entities needs: their tracks, the facts (theirs and other entities' that checks read), attestations and waivers. */
  private async gather(entities: Entity[], credentials: BackstageCredentials) {
    const now = this.now();
    const plans = entities
      .map(entity => ({
        entity,
        entityRef: normalizeRef(entity),
        systemRef: systemOf(entity),
        tracks: this.deps.tracks.forEntity(entity),
      }))
      .filter(p => p.tracks.length > 0);
    const environmentsOf = await this.environmentsOfSystems(
      plans.map(p => p.systemRef),
    );
    const environmentsOfPlan = (plan: (typeof plans)[number]) =>
      environmentsOf.get(plan.systemRef ?? '') ?? [];
    const wanted = new Set<string>();
    const foreignRefs = new Set<string>();
    for (const plan of plans) {
      const environments = environmentsOfPlan(plan);
      for (const t of plan.tracks) {
        for (const gate of t.track.spec.gates) {
          for (const check of gate.checks) {
            if (check.fact?.includes(ENVIRONMENT_PLACEHOLDER)) {
              // One fact per environment the gate may apply to (the evaluator picks those in its scope).
              for (const e of environments)
                wanted.add(factTypeFor(check.fact, e.name));
            } else if (check.fact) {
              wanted.add(check.fact);
            }
            if (check.entity && check.entity !== plan.entityRef)
              foreignRefs.add(check.entity);
          }
        }
      }
    }
    const known = new Map(plans.map(p => [p.entityRef, p.entity]));
    const missing = [...foreignRefs].filter(r => !known.has(r));
    if (missing.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: missing },
        { credentials },
      );
      for (const item of items) if (item) known.set(normalizeRef(item), item);
    }
    const facts = new Map<string, Map<string, Fact>>();
    if (wanted.size > 0) {
      const allEntities = [...known.values()];
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
            const ref = fact.entityRef.toLocaleLowerCase('en-US');
            let byType = facts.get(ref);
            if (!byType) facts.set(ref, (byType = new Map()));
            byType.set(fact.type, fact);
          }
        }),
      );
    }
    const refs = plans.map(p => p.entityRef);
    const [attestations, waivers] = await Promise.all([
      this.deps.attestations.listForEntities(refs),
      this.deps.waivers.listForEntities(refs),
    ]);
    const byEntity = <T extends { entityRef: string }>(items: T[]) => {
      const grouped = new Map<string, T[]>();
      for (const item of items) {
        const list = grouped.get(item.entityRef);
        if (list) list.push(item);
        else grouped.set(item.entityRef, [item]);
      }
      return grouped;
    };
    const attestationsOf = byEntity(attestations);
    const waiversOf = byEntity(waivers);
    const noFacts = new Map<string, Fact>();
    const inputs = plans.flatMap(plan =>
      plan.tracks.map(track => ({
        track,
        input: {
          entityRef: plan.entityRef,
          facts: facts.get(plan.entityRef) ?? noFacts,
          otherFacts: facts,
          attestations: (attestationsOf.get(plan.entityRef) ?? []).filter(
            a => a.trackId === track.track.metadata.name,
          ),
          waivers: (waiversOf.get(plan.entityRef) ?? []).filter(
            w => w.trackId === track.track.metadata.name,
          ),
          now,
          environments: environmentsOfPlan(plan),
          ...(plan.systemRef ? { systemRef: plan.systemRef } : {}),
        },
      })),
    );
    return inputs;
  }

  /** The active environments recorded for each of these systems (names and tiers). */
  private async environmentsOfSystems(
    systemRefs: Array<string | undefined>,
  ): Promise<Map<string, EvaluationEnvironment[]>> {
    const wanted = [
      ...new Set(systemRefs.filter((r): r is string => Boolean(r))),
    ];
    const bySystem = new Map<string, EvaluationEnvironment[]>();
    if (!this.deps.environments || wanted.length === 0) return bySystem;
    for (const env of await this.deps.environments.list({
      systemRefs: wanted,
    })) {
      const list = bySystem.get(env.systemRef) ?? [];
      list.push({ name: parseEntityRef(env.entityRef).name, tier: env.tier });
      bySystem.set(env.systemRef, list);
    }
    return bySystem;
  }

  /** Evaluates every track that applies to each entity in full detail, with the facts as they are now. Stores nothing. */
  async evaluate(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<TrackEvaluation[]> {
    return (await this.gather(entities, credentials)).map(({ track, input }) =>
      evaluateTrack(track, input),
    );
  }

  /**
   * Evaluates (statuses only, compiled once per track), stores what changed and notifies owners of regressed
   * gates. Returns the transitions.
   */
  async refresh(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<{ transitions: Transition[] }> {
    const inputs = await this.gather(entities, credentials);
    const evaluatedAt = this.now().toISOString();
    const snapshots = inputs.map(({ track, input }) => {
      const { checks, gates } = track.statuses(input);
      const statuses: string[] = [];
      let c = 0;
      track.track.spec.gates.forEach((gate, g) => {
        statuses.push(gateStatusCodes[gates[g]]);
        for (let j = 0; j < gate.checks.length; j++)
          statuses.push(checkStatusCodes[checks[c++]]);
      });
      return {
        entityRef: input.entityRef,
        trackId: track.track.metadata.name,
        evaluatedAt,
        keys: track.statusKeys,
        statuses,
      };
    });
    const transitions = await this.deps.results.saveStatuses(snapshots);
    await this.notifyRegressions(entities, transitions);
    return { transitions };
  }

  private readonly pending = new Set<string>();
  private flushing: Promise<void> | undefined;

  /**
   * Asks for a re-evaluation after new facts about an entity, without making the caller wait: requests that arrive
   * while one runs are coalesced into the next run, so a burst of CI events costs one evaluation per entity.
   * Resolves when the run that covers this entity is done.
   */
  requestRefresh(entityRef: string): Promise<void> {
    this.pending.add(normalizeRef(entityRef));
    if (!this.flushing) {
      this.flushing = (async () => {
        try {
          while (this.pending.size > 0) {
            // Wait a moment so a burst of events becomes one run (and evaluation does not starve ingestion).
            await new Promise(r =>
              setTimeout(r, this.deps.refreshDelayMs ?? 1000),
            );
            const batch = [...this.pending];
            this.pending.clear();
            for (const ref of batch) {
              try {
                await this.refreshAfterFacts(ref);
              } catch (error) {
                this.deps.logger.warn(
                  `Evaluation after new facts about ${ref} failed: ${error}`,
                );
              }
            }
          }
        } finally {
          this.flushing = undefined;
        }
      })();
    }
    return this.flushing;
  }

  /**
   * Re-evaluates after new facts about an entity: the entity itself, and every entity of the tracks whose
   * checks read that entity's facts (`entity:` in a check), such as every rag-platform component after
   * evidence about rag-api.
   */
  async refreshAfterFacts(entityRef: string): Promise<void> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const ref = normalizeRef(entityRef);
    const entities = new Map<string, Entity>();
    const self = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (self) entities.set(ref, self);
    for (const t of this.deps.tracks.list()) {
      const readsIt = t.track.spec.gates.some(g =>
        g.checks.some(c => c.entity === ref),
      );
      if (!readsIt) continue;
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: t.track.spec.appliesTo.map(f => ({ ...f })) as Record<
            string,
            string | string[]
          >[],
        },
        { credentials },
      );
      for (const e of items) entities.set(normalizeRef(e), e);
    }
    await this.refresh([...entities.values()], credentials);
  }

  /** Re-evaluates every entity some track applies to (the scheduled task; runs once across replicas). */
  async refreshAll(): Promise<{ entities: number; transitions: number }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const kinds = new Set<string>();
    for (const t of this.deps.tracks.list()) {
      for (const f of t.track.spec.appliesTo) {
        const k = f.kind;
        if (!k) {
          kinds.clear();
          break;
        }
        (Array.isArray(k) ? k : [k]).forEach(x => kinds.add(x));
      }
    }
    const filter =
      kinds.size > 0 ? [...kinds].map(kind => ({ kind })) : undefined;
    let batch: Entity[] = [];
    let entities = 0;
    let transitions = 0;
    const flush = async () => {
      const applicable = batch.filter(
        e => this.deps.tracks.forEntity(e).length > 0,
      );
      entities += applicable.length;
      transitions += (await this.refresh(applicable, credentials)).transitions
        .length;
      batch = [];
    };
    for await (const page of this.deps.catalog.streamEntities(
      { filter },
      { credentials },
    )) {
      batch.push(...page);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return { entities, transitions };
  }

  /** The scorecard of one entity: every applicable track evaluated now, with since-when from history. */
  async getScorecard(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const entity = await this.getEntity(entityRef, credentials);
    const ref = normalizeRef(entity);
    const [evaluations, current, attestations, waivers] = await Promise.all([
      this.evaluate([entity], credentials),
      this.deps.results.current(ref),
      this.deps.attestations.listForEntities([ref]),
      this.deps.waivers.listForEntities([ref]),
    ]);
    for (const evaluation of evaluations) {
      for (const gate of evaluation.gates) {
        const gateSince = current.get(
          resultKey(evaluation.trackId, gate.gateId, ''),
        );
        if (gateSince?.status === gate.status) gate.since = gateSince.since;
        for (const check of gate.checks) {
          const since = current.get(
            resultKey(evaluation.trackId, gate.gateId, check.checkId),
          );
          if (since?.status === check.status) check.since = since.since;
        }
      }
    }
    return {
      entityRef: ref,
      evaluatedAt: this.now().toISOString(),
      tracks: evaluations.map(evaluation => ({
        track: this.deps.tracks.get(evaluation.trackId)!.track,
        evaluation,
      })),
      attestations,
      waivers,
    };
  }

  /**
   * Readiness across the catalog, from the stored results of the last evaluation: every entity the caller may see
   * that a track applies to, filtered by track, owner, system and status, and the most frequent root causes.
   */
  async getOverview(
    credentials: BackstageCredentials,
    filters: {
      trackId?: string;
      owner?: string;
      system?: string;
      status?: string;
    } = {},
  ): Promise<ReadinessOverview> {
    // Whole entities: a track's appliesTo may select on any field.
    const { items: entities } = await this.deps.catalog.getEntities(
      {},
      { credentials },
    );
    const applicable = entities
      .map(entity => ({
        entity,
        entityRef: normalizeRef(entity),
        tracks: this.deps.tracks.forEntity(entity),
      }))
      .filter(e => e.tracks.length > 0);
    const vectors = await this.deps.results.currentMany(
      applicable.map(e => e.entityRef),
    );
    const owner = filters.owner?.toLocaleLowerCase('en-US');
    const rows = applicable
      .flatMap(({ entity, entityRef, tracks }) =>
        tracks.map(track =>
          overviewRow(
            entity,
            entityRef,
            track,
            vectors
              .get(entityRef)
              ?.find(v => v.trackId === track.track.metadata.name),
          ),
        ),
      )
      .filter(r => !filters.trackId || r.trackId === filters.trackId)
      .filter(
        r => !owner || r.owner === owner || r.owner?.endsWith(`/${owner}`),
      )
      .filter(
        r =>
          !filters.system ||
          r.system === filters.system ||
          r.system?.endsWith(`/${filters.system}`),
      )
      .filter(r => !filters.status || r.status === filters.status);
    return {
      items: rows,
      total: rows.length,
      blocked: rows.filter(r => r.status !== 'passed').length,
      topRootCauses: topRootCauses(rows, id => this.deps.tracks.get(id)),
    };
  }

  /** A System's readiness: its components and the resources they depend on, weakest link first. */
  async getSystemReadiness(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<SystemReadiness> {
    const system = await this.getEntity(systemRef, credentials);
    if (system.kind.toLocaleLowerCase('en-US') !== 'system') {
      throw new NotFoundError(`${systemRef} is not a System`);
    }
    const components = await this.entitiesOfSystem(
      normalizeRef(system),
      credentials,
      'Component',
    );
    const resourceRefs = new Set<string>();
    for (const c of components) {
      for (const r of c.relations ?? []) {
        if (
          r.type === RELATION_DEPENDS_ON &&
          parseEntityRef(r.targetRef).kind === 'resource'
        )
          resourceRefs.add(r.targetRef);
      }
    }
    const { items: resources } = resourceRefs.size
      ? await this.deps.catalog.getEntitiesByRefs(
          { entityRefs: [...resourceRefs] },
          { credentials },
        )
      : { items: [] };
    const entities = [
      ...components,
      ...resources.filter((r): r is Entity => Boolean(r)),
    ];
    const evaluations = await this.evaluate(entities, credentials);
    return rollUpSystem({
      systemRef: normalizeRef(system),
      evaluatedAt: this.now().toISOString(),
      tracks: this.deps.tracks.definitions(),
      entities: entities.map(e => {
        const ref = normalizeRef(e);
        return {
          entityRef: ref,
          kind: e.kind,
          ...(e.metadata.title ? { title: e.metadata.title } : {}),
          evaluations: evaluations.filter(ev => ev.entityRef === ref),
        };
      }),
    });
  }

  private async notifyRegressions(
    entities: Entity[],
    transitions: Transition[],
  ) {
    if (!this.deps.notifications) return;
    // A gate that stops applying (its environment was decommissioned) has not regressed.
    const regressed = transitions.filter(
      t =>
        t.checkId === '' &&
        t.from === 'passed' &&
        t.to !== 'passed' &&
        t.to !== 'not-applicable',
    );
    for (const t of regressed) {
      const entity = entities.find(e => normalizeRef(e) === t.entityRef);
      const owner = entity?.spec?.owner;
      if (typeof owner !== 'string') continue;
      const ownerRef = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'Group',
          defaultNamespace: entity!.metadata.namespace ?? 'default',
        }),
      );
      const track = this.deps.tracks.get(t.trackId)?.track;
      const gate = track?.spec.gates.find(g => g.id === t.gateId);
      const { kind, namespace, name } = parseEntityRef(t.entityRef);
      try {
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: ownerRef },
          payload: {
            title: `${name}: "${gate?.title ?? t.gateId}" no longer passes`,
            description: `The gate went from passed to ${t.to} in ${
              track?.metadata.title ?? t.trackId
            }.`,
            link: `/catalog/${namespace}/${kind}/${name}/readiness`,
            severity: 'high',
            topic: 'readiness-regression',
          },
        });
      } catch (error) {
        this.deps.logger.warn(
          `Could not notify ${ownerRef} of a regression of ${t.entityRef}: ${error}`,
        );
      }
    }
  }
}
