import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityScorecard,
  entityRefKey,
  joinScorecard,
  ScorecardAnswer,
  systemRefOf,
} from '@readiness-io/plugin-readiness-common';
import { CurrentStatus, ResultStore, Transition } from '../results/ResultStore';
import { ScorecardEvaluator } from '../ScorecardEvaluator';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { withSince } from './withSince';
import { CoalescedWrites } from '../../database/coalescedWrites';
import { ScorecardViewStore, StoredView, ViewForm } from './ScorecardViewStore';

const gzipped = promisify(gzip);

/**
 * What a view's body holds: the scorecard's answer (`GET /scorecards/...`, a {@link ScorecardAnswer}) as JSON, and
 * the same gzip-compressed, each served as stored. Part of a view's key, so a view of another form is not served.
 */
export const STORED_SCORECARD_FORMAT = 'answer-json-2';

/**
 * A scorecard's answer as kept: its JSON, or the same gzip-compressed; from a view, with a weak ETag naming the
 * view's body (its generation and when it was computed), the same for both forms.
 */
export type StoredAnswer = ({ json: string } | { gzip: Buffer }) & {
  etag?: string;
};

/** How many entities' scorecards are computed together by an evaluation pass. */
const BATCH = 250;

/**
 * Scorecards kept as views: computed in full when an evaluation pass finds an entity's view missing or old, and
 * when a scorecard is read without one; cleared by every change of an entity's inputs (facts, deployments,
 * evidence, attestations, waivers, its System's environments), so a view is what evaluating now would answer —
 * but for the passing of time and catalog edits, which the next pass (or the view's maximum age) catches.
 * Views are computed with the plugin's credentials; who may read the entity is decided on every read.
 */
export class ScorecardViews {
  static create(deps: {
    store: ScorecardViewStore;
    tracks: TrackRegistry;
    evaluator: ScorecardEvaluator;
    results: ResultStore;
    /** A view older than this is computed again when read. */
    maxAgeMs: number;
    now?: () => Date;
  }) {
    return new ScorecardViews(deps);
  }

  /** Which track definitions views are computed with, and in which form: a view of others is not served. */
  readonly tracksKey: string;

  private constructor(
    private readonly deps: Parameters<typeof ScorecardViews.create>[0],
  ) {
    this.tracksKey = createHash('sha256')
      .update(`${STORED_SCORECARD_FORMAT}\n${deps.tracks.version}`)
      .digest('hex')
      .slice(0, 32);
  }

  private now() {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** The stored scorecard of an entity when it may be served (see the class); undefined otherwise. */
  async read(entityRef: string): Promise<EntityScorecard | undefined> {
    const body = (await this.servable(entityRef, 'json'))?.body;
    return body ? this.join(JSON.parse(body)) : undefined;
  }

  /**
   * {@link ScorecardViews.read} as the answer of `GET /scorecards/...`: the view's body as stored, neither parsed nor
   * serialized again — gzip-compressed when asked — so what a read costs is mostly the answer's size.
   */
  async readAnswer(
    entityRef: string,
    options: { gzip?: boolean } = {},
  ): Promise<StoredAnswer | undefined> {
    const view = await this.servable(entityRef, options.gzip ? 'gzip' : 'json');
    if (!view) return undefined;
    const etag = `W/"${view.generation}-${Date.parse(view.computedAt!).toString(
      36,
    )}-${view.tracksKey!.slice(0, 8)}"`;
    if (view.bodyGzip) return { gzip: view.bodyGzip, etag };
    return view.body ? { json: view.body, etag } : undefined;
  }

  /** A scorecard as `GET /scorecards/...` answers it: the evaluations named by track, with the definitions' version. */
  answerOf(scorecard: EntityScorecard): ScorecardAnswer {
    const { tracks, trackProblems: _problems, ...rest } = scorecard;
    return {
      ...rest,
      tracksVersion: this.deps.tracks.version,
      evaluations: tracks.map(t => t.evaluation),
      trackProblems: this.deps.tracks.problems(),
    };
  }

  private join(answer: ScorecardAnswer): EntityScorecard {
    return joinScorecard(answer, this.deps.tracks.definitions());
  }

  private async servable(entityRef: string, form: ViewForm) {
    const view = await this.deps.store.get(entityRef, form);
    return view &&
      (view.body || view.bodyGzip) &&
      this.fresh(view, this.deps.maxAgeMs)
      ? view
      : undefined;
  }

  private fresh(view: StoredView, maxAgeMs: number) {
    return (
      view.tracksKey === this.tracksKey &&
      view.computedAt !== undefined &&
      this.now().getTime() - Date.parse(view.computedAt) < maxAgeMs
    );
  }

  /**
   * The entities' scorecards evaluated now, each saved as its view unless its inputs changed while it was
   * computed. `credentials` are those the inputs are gathered with (the plugin's own, for views anyone may read).
   */
  async compute(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard[]> {
    if (entities.length === 0) return [];
    const refs = entities.map(e => entityRefKey(e));
    const generations = await this.deps.store.begin(
      entities.map((entity, i) => {
        const systemRef = systemRefOf(entity);
        return {
          entityRef: refs[i],
          ...(systemRef ? { systemRef } : {}),
          trackIds: this.deps.tracks
            .forEntity(entity)
            .map(t => t.track.metadata.name),
        };
      }),
    );
    const [{ evaluations, attestations, waivers }, current] = await Promise.all(
      [
        this.deps.evaluator.evaluateWithRecords(entities, credentials),
        this.deps.results.currentOfMany(refs),
      ],
    );
    const evaluatedAt = this.now().toISOString();
    const byEntity = <T extends { entityRef: string }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const ref = entityRefKey(item.entityRef);
        const list = map.get(ref);
        if (list) list.push(item);
        else map.set(ref, [item]);
      }
      return map;
    };
    const evaluationsOf = byEntity(evaluations);
    const attestationsOf = byEntity(attestations);
    const waiversOf = byEntity(waivers);
    const answers = entities.map((entity, i): ScorecardAnswer => {
      const ref = refs[i];
      const own = evaluationsOf.get(ref) ?? [];
      const since = withSince(
        own,
        current.get(ref) ?? new Map<string, CurrentStatus>(),
      );
      return {
        entityRef: ref,
        title: entity.metadata.title ?? entity.metadata.name,
        evaluatedAt,
        ...(since.historyChangedAt
          ? { historyChangedAt: since.historyChangedAt }
          : {}),
        tracksVersion: this.deps.tracks.version,
        evaluations: own,
        attestations: attestationsOf.get(ref) ?? [],
        waivers: waiversOf.get(ref) ?? [],
        trackProblems: this.deps.tracks.problems(),
      };
    });
    const bodies = answers.map(answer => JSON.stringify(answer));
    // Compressed on libuv's threads, beside the event loop.
    const compressed = await Promise.all(bodies.map(body => gzipped(body)));
    await this.deps.store.save(
      answers.map((answer, i) => ({
        entityRef: answer.entityRef,
        generation: generations.get(answer.entityRef) ?? 0,
        tracksKey: this.tracksKey,
        ...(entities[i].metadata.etag
          ? { entityEtag: entities[i].metadata.etag }
          : {}),
        computedAt: evaluatedAt,
        body: bodies[i],
        bodyGzip: compressed[i],
      })),
    );
    return answers.map(answer => this.join(answer));
  }

  /**
   * After an evaluation pass over these entities: computes the views that are missing or cleared, of other track
   * definitions or another version of the entity, older than half the maximum age, or of an entity whose statuses
   * changed in the pass. Returns how many were computed.
   */
  async refresh(
    entities: Entity[],
    credentials: BackstageCredentials,
    transitions: Transition[] = [],
  ): Promise<number> {
    const changed = new Set(transitions.map(t => entityRefKey(t.entityRef)));
    const views = await this.deps.store.getMany(
      entities.map(e => entityRefKey(e)),
    );
    const due = entities.filter(entity => {
      const ref = entityRefKey(entity);
      const view = views.get(ref);
      return (
        !view ||
        changed.has(ref) ||
        !this.fresh(view, this.deps.maxAgeMs / 2) ||
        (view.entityEtag ?? '') !== (entity.metadata.etag ?? '')
      );
    });
    for (let i = 0; i < due.length; i += BATCH) {
      await this.compute(due.slice(i, i + BATCH), credentials);
    }
    return due.length;
  }

  /**
   * New inputs about an entity: clears its view and those of every entity of the tracks whose checks read it
   * (`entity:` in a check). Resolves once cleared; clears asked for while one runs are made together next (see
   * CoalescedWrites), which is as safe — a clear that starts after the inputs were written is what keeps a view
   * computed from older inputs from being saved.
   */
  async invalidate(entityRef: string): Promise<void> {
    await this.clears.request([entityRefKey(entityRef)]);
  }

  private readonly clears = new CoalescedWrites(async refs => {
    await this.deps.store.invalidateEntities(refs);
    const readers = this.deps.tracks
      .list()
      .filter(t =>
        t.track.spec.gates.some(g =>
          g.checks.some(c => c.entity !== undefined && refs.includes(c.entity)),
        ),
      )
      .map(t => t.track.metadata.name);
    await this.deps.store.invalidateTracks(readers);
  });

  /** An environment of a System changed: clears the views of its entities. */
  async invalidateSystem(systemRef: string): Promise<void> {
    await this.deps.store.invalidateSystem(entityRefKey(systemRef));
  }
}
