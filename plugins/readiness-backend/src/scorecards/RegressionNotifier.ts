import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { entityRefKey, ownerRefOf } from '@internal/plugin-readiness-common';
import { Transition } from './results/ResultStore';
import { TrackRegistry } from './tracks/TrackRegistry';

/** Tells an entity's owner, through Backstage notifications, when one of its gates stops passing. */
export class RegressionNotifier {
  static create(deps: {
    tracks: TrackRegistry;
    logger: LoggerService;
    notifications?: NotificationService;
  }) {
    return new RegressionNotifier(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof RegressionNotifier.create>[0],
  ) {}

  async notify(entities: Entity[], transitions: Transition[]): Promise<void> {
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
      try {
        await notifications.send({
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
