import { Knex } from 'knex';
import { Escalation } from '@readiness-io/plugin-readiness-common';
import { toIsoString } from '../database/dates';
import { EscalationStore } from './EscalationStore';

type Row = {
  id: string;
  entity_ref: string;
  provider: string;
  level: number;
  reason: string;
  actor: string;
  notified: string;
  external_id: string | null;
  message: string;
  created_at: unknown;
};

/** Escalations in the plugin's database. */
export class DatabaseEscalationStore implements EscalationStore {
  static create(knex: Knex) {
    return new DatabaseEscalationStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async add(e: Escalation): Promise<Escalation> {
    await this.knex<Row>('readiness_escalations').insert(toRow(e));
    return e;
  }

  /**
   * Adds the escalation unless its person already has `max` since the instant — the count and the insert under one
   * lock per person (a transaction-scoped advisory lock on PostgreSQL; SQLite has a single writer), so simultaneous
   * escalations by one person cannot all pass the count. Returns when the oldest counted one was when refused.
   */
  async addWithinLimit(
    e: Escalation,
    limit: { max: number; since: Date },
  ): Promise<{ added: true } | { added: false; oldest: string }> {
    return this.knex.transaction(async tx => {
      if (this.knex.client.config.client === 'pg') {
        await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
          `readiness-escalations:${e.actor}`,
        ]);
      }
      const recent = await countByActorSince(tx, e.actor, limit.since);
      if (recent.count >= limit.max)
        return { added: false as const, oldest: recent.oldest! };
      await tx<Row>('readiness_escalations').insert(toRow(e));
      return { added: true as const };
    });
  }

  /** Records what sending an escalation taken with {@link addWithinLimit} produced. */
  async complete(
    id: string,
    sent: { notified: string[]; externalId?: string; message: string },
  ): Promise<void> {
    await this.knex<Row>('readiness_escalations')
      .where('id', id)
      .update({
        notified: JSON.stringify(sent.notified),
        external_id: sent.externalId ?? null,
        message: sent.message,
      });
  }

  /** Removes an escalation that could not be sent (it does not count against the limit). */
  async remove(id: string): Promise<void> {
    await this.knex('readiness_escalations').where('id', id).delete();
  }

  /** How many escalations this person raised since the instant, and when the oldest of them was (rate limit). */
  async countByActorSince(
    actor: string,
    since: Date,
  ): Promise<{ count: number; oldest?: string }> {
    return countByActorSince(this.knex, actor, since);
  }

  /** The entity's escalations, newest first. */
  async listForEntity(
    entityRef: string,
    options: { since?: Date; limit?: number } = {},
  ): Promise<Escalation[]> {
    let query = this.knex<Row>('readiness_escalations').where(
      'entity_ref',
      entityRef,
    );
    if (options.since)
      query = query.andWhere('created_at', '>=', options.since);
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit ?? 20);
    return rows.map(fromRow);
  }
}

async function countByActorSince(
  knex: Knex,
  actor: string,
  since: Date,
): Promise<{ count: number; oldest?: string }> {
  const [row] = await knex('readiness_escalations')
    .where('actor', actor)
    .andWhere('created_at', '>=', since)
    .select(knex.raw('count(*) as n'), knex.raw('min(created_at) as oldest'));
  const count = Number(row.n);
  return count > 0 ? { count, oldest: toIsoString(row.oldest) } : { count };
}

function toRow(e: Escalation): Row {
  return {
    id: e.id,
    entity_ref: e.entityRef,
    provider: e.provider,
    level: e.level,
    reason: e.reason,
    actor: e.actor,
    notified: JSON.stringify(e.notified),
    external_id: e.externalId ?? null,
    message: e.message,
    created_at: new Date(e.createdAt),
  };
}

function fromRow(row: Row): Escalation {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    provider: row.provider,
    level: Number(row.level),
    reason: row.reason,
    actor: row.actor,
    notified: JSON.parse(row.notified),
    ...(row.external_id ? { externalId: row.external_id } : {}),
    message: row.message,
    createdAt: toIsoString(row.created_at),
  };
}
