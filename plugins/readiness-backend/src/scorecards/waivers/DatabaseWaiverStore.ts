import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { Waiver } from '@readiness-io/plugin-readiness-common';
import { selectWhereIn } from '../../database/whereInChunks';
import { toIsoString, toOptionalIsoString } from '../../database/dates';
import { NewWaiver, WaiverStore } from './WaiverStore';

type WaiverRow = {
  id: string;
  entity_ref: string;
  track_id: string;
  gate_id: string;
  check_id: string;
  reason: string;
  requested_by: string;
  requested_at: unknown;
  expires_at: unknown;
  approved_by: string | null;
  approved_at: unknown;
  revoked_by: string | null;
  revoked_at: unknown;
  campaign_id: string | null;
};

/** {@link WaiverStore} in the plugin's database. */
export class DatabaseWaiverStore implements WaiverStore {
  static create(knex: Knex): DatabaseWaiverStore {
    return new DatabaseWaiverStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async request(waiver: NewWaiver): Promise<Waiver> {
    const row = {
      id: randomUUID(),
      entity_ref: waiver.entityRef,
      track_id: waiver.trackId,
      gate_id: waiver.gateId,
      check_id: waiver.checkId,
      reason: waiver.reason,
      requested_by: waiver.requestedBy,
      requested_at: new Date(),
      expires_at: new Date(waiver.expiresAt),
      ...(waiver.campaignId ? { campaign_id: waiver.campaignId } : {}),
    };
    await this.knex('readiness_waivers').insert(row);
    return (await this.get(row.id))!;
  }

  async get(id: string): Promise<Waiver | undefined> {
    const row = await this.knex<WaiverRow>('readiness_waivers')
      .where({ id })
      .first();
    return row ? this.fromRow(row) : undefined;
  }

  async approve(id: string, approvedBy: string): Promise<Waiver | undefined> {
    const updated = await this.knex('readiness_waivers')
      .where({ id })
      .whereNull('approved_by')
      .whereNull('revoked_by')
      .update({ approved_by: approvedBy, approved_at: new Date() });
    return updated === 1 ? this.get(id) : undefined;
  }

  async revoke(id: string, revokedBy: string): Promise<Waiver | undefined> {
    const updated = await this.knex('readiness_waivers')
      .where({ id })
      .whereNull('revoked_by')
      .update({ revoked_by: revokedBy, revoked_at: new Date() });
    return updated === 1 ? this.get(id) : undefined;
  }

  async listForEntities(entityRefs: string[]): Promise<Waiver[]> {
    const rows = await selectWhereIn<WaiverRow>(
      this.knex,
      'readiness_waivers',
      'entity_ref',
      entityRefs,
      { column: 'requested_at', order: 'desc' },
    );
    return rows.map(r => this.fromRow(r));
  }

  private fromRow(row: WaiverRow): Waiver {
    const approvedAt = toOptionalIsoString(row.approved_at);
    const revokedAt = toOptionalIsoString(row.revoked_at);
    return {
      id: row.id,
      entityRef: row.entity_ref,
      trackId: row.track_id,
      gateId: row.gate_id,
      checkId: row.check_id,
      reason: row.reason,
      requestedBy: row.requested_by,
      requestedAt: toIsoString(row.requested_at),
      expiresAt: toIsoString(row.expires_at),
      ...(row.approved_by ? { approvedBy: row.approved_by, approvedAt } : {}),
      ...(row.revoked_by ? { revokedBy: row.revoked_by, revokedAt } : {}),
      ...(row.campaign_id ? { campaignId: row.campaign_id } : {}),
    };
  }
}
