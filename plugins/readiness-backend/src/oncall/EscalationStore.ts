import { Escalation } from '@readiness-io/plugin-readiness-common';

/** Escalations raised from the portal: recorded, counted per person for the rate limit, listed per entity. */
export interface EscalationStore {
  add(e: Escalation): Promise<Escalation>;
  /**
   * Adds the escalation unless its person already has `max` since the instant; the count and the insert cannot be
   * passed by simultaneous requests. Returns when the oldest counted one was when refused.
   */
  addWithinLimit(
    e: Escalation,
    limit: { max: number; since: Date },
  ): Promise<{ added: true } | { added: false; oldest: string }>;
  /** Records what sending an escalation taken with {@link EscalationStore.addWithinLimit} produced. */
  complete(
    id: string,
    sent: { notified: string[]; externalId?: string; message: string },
  ): Promise<void>;
  /** Removes an escalation that could not be sent (it does not count against the limit). */
  remove(id: string): Promise<void>;
  /** How many escalations this person raised since the instant, and when the oldest of them was. */
  countByActorSince(
    actor: string,
    since: Date,
  ): Promise<{ count: number; oldest?: string }>;
  /** The entity's escalations, newest first. */
  listForEntity(
    entityRef: string,
    options?: { since?: Date; limit?: number },
  ): Promise<Escalation[]>;
}
