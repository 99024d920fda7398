import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog, EntityFilter } from '../catalog/EntityCatalog';
import { ScorecardEvaluator } from './ScorecardEvaluator';
import { TrackRegistry } from './tracks/TrackRegistry';
import { ScorecardViews } from './views/ScorecardViews';

const BATCH = 500;

/**
 * When entities are evaluated again and their results stored: after new facts (coalesced into one run per burst),
 * after an environment change of their System, and catalog-wide on the scheduled task.
 */
export class EvaluationQueue {
  static create(deps: {
    tracks: TrackRegistry;
    catalog: EntityCatalog;
    evaluator: ScorecardEvaluator;
    /** When given, the scheduled run also computes the scorecards that are missing or old (see ScorecardViews). */
    views?: ScorecardViews;
    logger: LoggerService;
    /** How long re-evaluation after new facts waits to gather a burst; default 1 s. */
    refreshDelayMs?: number;
  }) {
    return new EvaluationQueue(deps);
  }

  private readonly pending = new Set<string>();
  private flushing: Promise<void> | undefined;

  private constructor(
    private readonly deps: Parameters<typeof EvaluationQueue.create>[0],
  ) {}

  /**
   * Asks for a re-evaluation after new facts about an entity, without making the caller wait: requests that arrive
   * while one runs are coalesced into the next run, so a burst of CI events costs one evaluation per entity.
   * Resolves when the run that covers this entity is done.
   */
  requestRefresh(entityRef: string): Promise<void> {
    this.pending.add(entityRefKey(entityRef));
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
   * Re-evaluates after new facts about an entity: the entity itself, and every entity of the tracks whose checks
   * read that entity's facts (`entity:` in a check), such as every rag-platform component after evidence about
   * rag-api.
   */
  async refreshAfterFacts(entityRef: string): Promise<void> {
    const credentials = await this.deps.catalog.serviceCredentials();
    const ref = entityRefKey(entityRef);
    const entities = new Map<string, Entity>();
    const self = await this.deps.catalog.findEntity(ref, credentials);
    if (self) entities.set(ref, self);
    for (const t of this.deps.tracks.list()) {
      const readsIt = t.track.spec.gates.some(g =>
        g.checks.some(c => c.entity === ref),
      );
      if (!readsIt) continue;
      const filter = t.track.spec.appliesTo.map(f => ({ ...f }));
      for (const e of await this.deps.catalog.queryEntities(
        filter as EntityFilter,
        credentials,
      )) {
        entities.set(entityRefKey(e), e);
      }
    }
    await this.deps.evaluator.refresh([...entities.values()], credentials);
  }

  /**
   * Asks for a re-evaluation of a System's entities (an environment of it was recorded or decommissioned, so gates
   * scoped to environments may now apply or stop applying), in the background; failures are logged.
   */
  requestSystemRefresh(systemRef: string): Promise<void> {
    return (async () => {
      const credentials = await this.deps.catalog.serviceCredentials();
      await this.deps.evaluator.refresh(
        await this.deps.catalog.entitiesOfSystem(systemRef, credentials),
        credentials,
      );
    })().catch(error =>
      this.deps.logger.warn(
        `Re-evaluation of ${systemRef} after an environment change failed: ${error}`,
      ),
    );
  }

  /**
   * Re-evaluates every entity some track applies to, then computes the scorecards due (the scheduled task; runs
   * once across replicas).
   */
  async refreshAll(): Promise<{
    entities: number;
    transitions: number;
    scorecards: number;
  }> {
    const credentials = await this.deps.catalog.serviceCredentials();
    // The kinds the tracks select; every kind when a filter names none.
    const kinds = new Set<string>();
    let everyKind = false;
    for (const t of this.deps.tracks.list()) {
      for (const f of t.track.spec.appliesTo) {
        if (!f.kind) everyKind = true;
        else
          (Array.isArray(f.kind) ? f.kind : [f.kind]).forEach(k =>
            kinds.add(k),
          );
      }
    }
    const filter =
      everyKind || kinds.size === 0
        ? undefined
        : [...kinds].map(kind => ({ kind }));
    let batch: Entity[] = [];
    let entities = 0;
    let transitions = 0;
    let scorecards = 0;
    const flush = async () => {
      const applicable = batch.filter(
        e => this.deps.tracks.forEntity(e).length > 0,
      );
      batch = [];
      entities += applicable.length;
      const refreshed = await this.deps.evaluator.refresh(
        applicable,
        credentials,
      );
      transitions += refreshed.transitions.length;
      if (this.deps.views) {
        scorecards += await this.deps.views.refresh(
          applicable,
          credentials,
          refreshed.transitions,
        );
      }
    };
    for await (const page of this.deps.catalog.streamEntities(
      filter,
      credentials,
    )) {
      batch.push(...page);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return { entities, transitions, scorecards };
  }
}
