import { Knex } from 'knex';
import { Escalation } from '@internal/plugin-readiness-common';
import { toIsoString } from '../database/dates';

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
export class EscalationStore {
  static create(knex: Knex) {
    return new EscalationStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async add(e: Escalation): Promise<Escalation> {
    await this.knex<Row>('readiness_escalations').insert({
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
    });
    return e;
  }

  /** How many escalations this person raised since the instant, and when the oldest of them was (rate limit). */
  async countByActorSince(actor: string, since: Date): Promise<{ count: number; oldest?: string }> {
    const [row] = await this.knex('readiness_escalations')
      .where('actor', actor)
      .andWhere('created_at', '>=', since)
      .select(this.knex.raw('count(*) as n'), this.knex.raw('min(created_at) as oldest'));
    const count = Number(row.n);
    return count > 0 ? { count, oldest: toIsoString(row.oldest) } : { count };
  }

  /** The entity's escalations, newest first. */
  async listForEntity(entityRef: string, options: { since?: Date; limit?: number } = {}): Promise<Escalation[]> {
    let query = this.knex<Row>('readiness_escalations').where('entity_ref', entityRef);
    if (options.since) query = query.andWhere('created_at', '>=', options.since);
    const rows = await query.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(options.limit ?? 20);
    return rows.map(fromRow);
  }
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
