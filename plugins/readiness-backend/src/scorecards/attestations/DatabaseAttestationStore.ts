import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { Attestation } from '@readiness-io/plugin-readiness-common';
import { selectWhereIn } from '../../database/whereInChunks';
import { toIsoString } from '../../database/dates';
import { AttestationStore, NewAttestation } from './AttestationStore';

type AttestationRow = {
  id: string;
  entity_ref: string;
  track_id: string;
  gate_id: string;
  check_id: string;
  attested_by: string;
  attested_at: unknown;
  valid_until: unknown;
  note: string | null;
  link: string | null;
};

/** {@link AttestationStore} in the plugin's database. */
export class DatabaseAttestationStore implements AttestationStore {
  static create(knex: Knex): DatabaseAttestationStore {
    return new DatabaseAttestationStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async create(attestation: NewAttestation): Promise<Attestation> {
    const row = {
      id: randomUUID(),
      entity_ref: attestation.entityRef,
      track_id: attestation.trackId,
      gate_id: attestation.gateId,
      check_id: attestation.checkId,
      attested_by: attestation.attestedBy,
      attested_at: new Date(),
      valid_until: new Date(attestation.validUntil),
      note: attestation.note ?? null,
      link: attestation.link ?? null,
    };
    await this.knex('readiness_attestations').insert(row);
    return this.fromRow(row);
  }

  async listForEntities(entityRefs: string[]): Promise<Attestation[]> {
    const rows = await selectWhereIn<AttestationRow>(
      this.knex,
      'readiness_attestations',
      'entity_ref',
      entityRefs,
      { column: 'attested_at', order: 'desc' },
    );
    return rows.map(r => this.fromRow(r));
  }

  private fromRow(row: AttestationRow): Attestation {
    return {
      id: row.id,
      entityRef: row.entity_ref,
      trackId: row.track_id,
      gateId: row.gate_id,
      checkId: row.check_id,
      attestedBy: row.attested_by,
      attestedAt: toIsoString(row.attested_at),
      validUntil: toIsoString(row.valid_until),
      ...(row.note ? { note: row.note } : {}),
      ...(row.link ? { link: row.link } : {}),
    };
  }
}
