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
import { resultKey, ResultStore } from '../results/ResultStore';
import { ScorecardEvaluator } from '../ScorecardEvaluator';
import { TrackRegistry } from '../tracks/TrackRegistry';

/** One entity's readiness: every track that applies, evaluated now, with since-when from the stored history. */
export class ScorecardReader {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    evaluator: ScorecardEvaluator;
    results: ResultStore;
    now?: () => Date;
  }) {
    return new ScorecardReader(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof ScorecardReader.create>[0],
  ) {}

  async getScorecard(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityScorecard> {
    const entity = await this.deps.catalog.getEntity(entityRef, credentials);
    const ref = entityRefKey(entity);
    const [{ evaluations, attestations, waivers }, current] = await Promise.all(
      [
        this.deps.evaluator.evaluateWithRecords([entity], credentials),
        this.deps.results.current(ref),
      ],
    );
    let historyChangedAt: string | undefined;
    for (const { since } of current.values()) {
      if (!historyChangedAt || since > historyChangedAt)
        historyChangedAt = since;
    }
    // "Since" is when the stored status last changed — or, when evidence says so, earlier: a test that failed in a
    // CI run three days ago has failed for three days, however recently this backend first evaluated it.
    const earliest = (a: string | undefined, b: string | undefined) => {
      if (!a) return b;
      if (!b) return a;
      return a < b ? a : b;
    };
    for (const evaluation of evaluations) {
      for (const gate of evaluation.gates) {
        let checksSince: string | undefined;
        for (const check of gate.checks) {
          const stored = current.get(
            resultKey(evaluation.trackId, gate.gateId, check.checkId),
          );
          const observed =
            check.fact?.source === 'evidence'
              ? check.fact.observedAt
              : undefined;
          const since = earliest(
            stored?.status === check.status ? stored.since : undefined,
            observed,
          );
          if (since) check.since = since;
          if (check.status === 'fail' && since)
            checksSince = earliest(checksSince, since);
        }
        const gateSince = current.get(
          resultKey(evaluation.trackId, gate.gateId, ''),
        );
        const since = earliest(
          gateSince?.status === gate.status ? gateSince.since : undefined,
          gate.status === 'failed' ? checksSince : undefined,
        );
        if (since) gate.since = since;
      }
    }
    return {
      entityRef: ref,
      title: entity.metadata.title ?? entity.metadata.name,
      evaluatedAt: (this.deps.now ? this.deps.now() : new Date()).toISOString(),
      ...(historyChangedAt ? { historyChangedAt } : {}),
      tracks: evaluations.map(evaluation => ({
        track: this.deps.tracks.get(evaluation.trackId)!.track,
        evaluation,
      })),
      attestations,
      waivers,
    };
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
