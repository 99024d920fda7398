import { performance } from 'node:perf_hooks';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  TrackEvaluation,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { EvaluationInputs } from './evaluation/EvaluationInputs';
import { evaluateTrack } from './evaluation/evaluateTrack';
import {
  checkStatusCodes,
  gateStatusCodes,
} from './evaluation/statusEvaluator';
import { ResultStore, Transition } from './results/ResultStore';
import { RegressionNotifier } from './RegressionNotifier';
import { ReadinessMetrics } from '../service/ReadinessMetrics';

/** The checks' statuses of stored snapshots (their keys `gateId/checkId`; gates end in `/`). */
function* checkStatusesOf(
  snapshots: Array<{ keys: string[]; statuses: string[] }>,
): Iterable<string> {
  for (const { keys, statuses } of snapshots) {
    for (let i = 0; i < keys.length; i++) {
      if (!keys[i].endsWith('/')) yield statuses[i];
    }
  }
}

/**
 * Evaluates entities: in full detail for a page (nothing stored), or statuses only to store what changed and tell
 * owners about regressions.
 */
export class ScorecardEvaluator {
  static create(deps: {
    inputs: EvaluationInputs;
    results: ResultStore;
    notifier: RegressionNotifier;
    metrics?: ReadinessMetrics;
  }) {
    return new ScorecardEvaluator(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof ScorecardEvaluator.create>[0],
  ) {}

  /** Every track that applies to each entity, in full detail, with the facts as they are now. Stores nothing. */
  async evaluate(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<TrackEvaluation[]> {
    return (await this.deps.inputs.gather(entities, credentials)).map(
      ({ track, input }) => evaluateTrack(track, input),
    );
  }

  /** {@link ScorecardEvaluator.evaluate}, with the entities' attestations and waivers read for it. */
  async evaluateWithRecords(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<{
    evaluations: TrackEvaluation[];
    attestations: Attestation[];
    waivers: Waiver[];
  }> {
    const { planned, attestations, waivers } =
      await this.deps.inputs.gatherWithRecords(entities, credentials);
    return {
      evaluations: planned.map(({ track, input }) =>
        evaluateTrack(track, input),
      ),
      attestations,
      waivers,
    };
  }

  /**
   * Evaluates statuses only (compiled once per track), stores what changed and notifies owners of regressed gates.
   * Returns the transitions.
   */
  async refresh(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<{ transitions: Transition[] }> {
    const started = performance.now();
    try {
      return await this.refreshStatuses(entities, credentials, started);
    } catch (error) {
      this.deps.metrics?.evaluationFailed((performance.now() - started) / 1000);
      throw error;
    }
  }

  private async refreshStatuses(
    entities: Entity[],
    credentials: BackstageCredentials,
    started: number,
  ): Promise<{ transitions: Transition[] }> {
    const planned = await this.deps.inputs.gather(entities, credentials);
    const evaluatedAt = this.deps.inputs.now().toISOString();
    const snapshots = planned.map(({ track, input }) => {
      const { checks, gates } = track.statuses(input);
      const statuses: string[] = [];
      let c = 0;
      track.track.spec.gates.forEach((gate, g) => {
        statuses.push(gateStatusCodes[gates[g]]);
        for (let j = 0; j < gate.checks.length; j++) {
          statuses.push(checkStatusCodes[checks[c++]]);
        }
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
    this.deps.metrics?.evaluated({
      seconds: (performance.now() - started) / 1000,
      entities: snapshots.length,
      checkStatuses: checkStatusesOf(snapshots),
    });
    // Regressed gates are explained from a full evaluation of the same input (only theirs: the status path above
    // stays fast), once per entity and track however many of its gates regressed.
    const explained = new Map<string, TrackEvaluation | undefined>();
    await this.deps.notifier.notify(
      entities,
      transitions,
      (entityRef, trackId) => {
        const key = `${entityRef}\u0000${trackId}`;
        if (!explained.has(key)) {
          const item = planned.find(
            p =>
              p.input.entityRef === entityRef &&
              p.track.track.metadata.name === trackId,
          );
          explained.set(key, item && evaluateTrack(item.track, item.input));
        }
        return explained.get(key);
      },
    );
    return { transitions };
  }
}
