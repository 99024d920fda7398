import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  describeGateResult,
  entityRefKey,
  ownerRefOf,
  TrackEvaluation,
} from '@readiness-io/plugin-readiness-common';
import { Transition } from './results/ResultStore';
import { TrackRegistry } from './tracks/TrackRegistry';
import { ReadinessMetrics } from '../service/ReadinessMetrics';

/**
 * Tells an entity's owner, through Backstage notifications, when one of its gates stops passing — in the words of
 * the gate report (what it waits for and the root causes, each as a sentence), from the full evaluation of that
 * entity's track, which `explain` computes only for the regressed ones.
 */
export class RegressionNotifier {
  static create(deps: {
    tracks: TrackRegistry;
    logger: LoggerService;
    notifications?: NotificationService;
    metrics?: ReadinessMetrics;
  }) {
    return new RegressionNotifier(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof RegressionNotifier.create>[0],
  ) {}

  async notify(
    entities: Entity[],
    transitions: Transition[],
    explain: (
      entityRef: string,
      trackId: string,
    ) => TrackEvaluation | undefined,
  ): Promise<void> {
    const notifications = this.deps.notifications;
    if (!notifications) return;
    // A gate that stops applying (its environment was decommissioned) has not regressed.
    const regressed = transitions.filter(
      t =>
        t.checkId === '' &&
        t.from === 'passed' &&
        t.to !== 'passed' &&
        t.to !== 'not-applicable',
    );
    for (const t of regressed) {
      const entity = entities.find(e => entityRefKey(e) === t.entityRef);
      const ownerRef = entity && ownerRefOf(entity);
      if (!ownerRef) continue;
      const track = this.deps.tracks.get(t.trackId)?.track;
      const gate = track?.spec.gates.find(g => g.id === t.gateId);
      const { kind, namespace, name } = parseEntityRef(t.entityRef);
      const entityTitle = entity.metadata.title ?? name;
      const gateTitle = gate?.title ?? t.gateId;
      const result = explain(t.entityRef, t.trackId)?.gates.find(
        g => g.gateId === t.gateId,
      );
      const report =
        track && result
          ? describeGateResult({
              entityRef: t.entityRef,
              entityTitle,
              trackId: t.trackId,
              trackTitle: track.metadata.title,
              gate: result,
              gateTitles: Object.fromEntries(
                track.spec.gates.map(g => [g.id, g.title]),
              ),
            })
          : undefined;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: ownerRef },
          payload: {
            title: `${entityTitle}: “${gateTitle}” no longer passes`,
            description: report
              ? [report.headline, ...report.details].join('\n')
              : `“${gateTitle}” went from passed to ${t.to} in ${
                  track?.metadata.title ?? t.trackId
                }.`,
            link: `/catalog/${namespace}/${kind}/${name}/readiness`,
            severity: 'high',
            topic: 'readiness-regression',
          },
        });
      } catch (error) {
        this.deps.metrics?.notificationFailed();
        this.deps.logger.warn(
          `Could not notify ${ownerRef} of a regression of ${t.entityRef}: ${error}`,
        );
      }
    }
  }
}
