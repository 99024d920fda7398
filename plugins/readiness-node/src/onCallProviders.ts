import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EscalationLevel,
  OnCallShift,
} from '@readiness-io/plugin-readiness-common';

/**
 * Who is on call for an entity, from one system of record (on-call as code, PagerDuty, …).
 *
 * @public
 */
export interface OnCallProvider {
  /** Unique id, e.g. `oncall-as-code` or `pagerduty`; shown to people and stored with escalations. */
  id: string;
  /** Whether the entity is configured for this provider (usually: it carries the provider's annotation). */
  supports(entity: Entity): boolean;
  /**
   * The shifts of the first escalation level between `from` and `to`, in order, not overlapping. Time nobody
   * covers is simply absent.
   */
  getShifts(
    entity: Entity,
    window: { from: Date; to: Date },
  ): Promise<OnCallShift[]>;
  /** The escalation policy: level 1 is paged first. */
  getEscalationLevels(entity: Entity): Promise<EscalationLevel[]>;
  /** Links to the provider's own view of this entity's on-call. */
  getLinks?(entity: Entity): Promise<Array<{ title: string; url: string }>>;
  /**
   * Pages escalation level `level` for the entity. Returns who was notified (user refs) or the provider's
   * identifier of what it created (an incident's dedup key), and a sentence for people.
   */
  escalate(
    entity: Entity,
    request: {
      level: number;
      reason: string;
      actor: string;
      escalationId: string;
    },
  ): Promise<{ notified: string[]; externalId?: string; message: string }>;
}

/**
 * Lets modules add {@link OnCallProvider}s to the readiness backend. The first provider that supports an entity
 * answers for it; providers added by modules are asked before the built-in ones.
 *
 * @public
 */
export interface ReadinessOnCallProvidersExtensionPoint {
  addOnCallProvider(...providers: OnCallProvider[]): void;
}

/**
 * The extension point through which modules add {@link OnCallProvider}s.
 *
 * @public
 */
export const readinessOnCallProvidersExtensionPoint =
  createExtensionPoint<ReadinessOnCallProvidersExtensionPoint>({
    id: 'readiness.onCallProviders',
  });
