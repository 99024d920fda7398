import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityScorecard,
  entityRefKey,
  GateResult,
} from '@internal/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { AttestationStore } from '../attestations/AttestationStore';
import { WaiverStore } from '../waivers/WaiverStore';
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
    attestations: AttestationStore;
    waivers: WaiverStore;
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
    const [evaluations, current, attestations, waivers] = await Promise.all([
      this.deps.evaluator.evaluate([entity], credentials),
      this.deps.results.current(ref),
      this.deps.attestations.listForEntities([ref]),
      this.deps.waivers.listForEntities([ref]),
    ]);
    let historyChangedAt: string | undefined;
    for (const { since } of current.values()) {
      if (!historyChangedAt || since > historyChangedAt)
        historyChangedAt = since;
    }
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

  /** One gate of one track for an entity; 404 naming what does not exist or does not apply. */
  async getGate(
    entityRef: string,
    trackId: string,
    gateId: string,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; trackId: string; gate: GateResult }> {
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
      trackId,
      gate: evaluation.gates.find(g => g.gateId === gateId)!,
    };
  }
}
