import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityScorecard,
  entityRefKey,
  GateAnswer,
  ScorecardSummary,
  summarizeScorecard,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { ScorecardViews, StoredAnswer } from '../views/ScorecardViews';
import { TrackRegistry } from '../tracks/TrackRegistry';

/** One entity's readiness: every track that applies, with since-when from the stored history. */
export class ScorecardReader {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    views: ScorecardViews;
  }) {
    return new ScorecardReader(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof ScorecardReader.create>[0],
  ) {}

  /**
   * The entity's scorecard from its view when there is one to serve (no call to the catalog: whether the caller may
   * read the entity is asked of the permission framework); otherwise evaluated now (and kept as its view).
   */
  async getScorecard(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const ref = entityRefKey(entityRef);
    return (
      (await this.fromView(ref, credentials, r => this.deps.views.read(r))) ??
      this.evaluate(ref, credentials)
    );
  }

  /**
   * The answer of `GET /scorecards/...` as JSON (a ScorecardAnswer: {@link ScorecardReader.getScorecard} with each
   * track named by id, the definitions' version and the track files that could not be loaded); from a view, its body
   * as stored — gzip-compressed when the caller accepts it (`gzip`), then the answer's `gzip` holds it.
   */
  async getScorecardAnswer(
    entityRef: string,
    credentials: BackstageCredentials,
    options: { gzip?: boolean } = {},
  ): Promise<StoredAnswer> {
    const ref = entityRefKey(entityRef);
    const stored = await this.fromView(ref, credentials, r =>
      this.deps.views.readAnswer(r, options),
    );
    if (stored) return stored;
    return {
      json: JSON.stringify(
        this.deps.views.answerOf(await this.evaluate(ref, credentials)),
      ),
    };
  }

  /** What `read` finds in the entity's view, when there is one and the caller may read the entity (asked at once). */
  private async fromView<T>(
    ref: string,
    credentials: BackstageCredentials,
    read: (ref: string) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const [view, allowed] = await Promise.all([
      read(ref),
      this.deps.catalog.mayRead(ref, credentials),
    ]);
    return allowed ? view : undefined;
  }

  /** Evaluated now and kept as the entity's view; 404 when the entity does not exist or the caller may not see it. */
  private async evaluate(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const entity = await this.deps.catalog.getEntity(ref, credentials);
    const [scorecard] = await this.deps.views.compute(
      [entity],
      await this.deps.catalog.serviceCredentials(),
    );
    return scorecard;
  }

  /** The scorecard's compact form (see summarizeScorecard), with the track files that could not be loaded. */
  async getSummary(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ScorecardSummary> {
    const scorecard = await this.getScorecard(entityRef, credentials);
    return summarizeScorecard({
      ...scorecard,
      trackProblems: this.deps.tracks.problems(),
    });
  }

  /** One gate of one track for an entity; 404 naming what does not exist or does not apply. */
  async getGate(
    entityRef: string,
    trackId: string,
    gateId: string,
    credentials: BackstageCredentials,
  ): Promise<GateAnswer> {
    const track = this.deps.tracks.get(trackId);
    if (!track) throw new NotFoundError(`No track '${trackId}'`);
    if (!track.track.spec.gates.some(g => g.id === gateId)) {
      throw new NotFoundError(`Track '${trackId}' has no gate '${gateId}'`);
    }
    const scorecard = await this.getScorecard(entityRef, credentials);
    const evaluation = scorecard.tracks.find(
      t => t.track.metadata.name === trackId,
    )?.evaluation;
    if (!evaluation) {
      throw new NotFoundError(
        `Track '${trackId}' does not apply to ${scorecard.entityRef}`,
      );
    }
    return {
      entityRef: scorecard.entityRef,
      entityTitle: scorecard.title ?? scorecard.entityRef,
      trackId,
      trackTitle: track.track.metadata.title ?? trackId,
      gate: evaluation.gates.find(g => g.gateId === gateId)!,
      gateTitles: Object.fromEntries(
        track.track.spec.gates.map(g => [g.id, g.title]),
      ),
    };
  }
}
