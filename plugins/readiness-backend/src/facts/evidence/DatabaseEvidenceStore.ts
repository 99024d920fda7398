import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import { Fact } from '@internal/plugin-readiness-common';
import { toIsoString } from '../../database/dates';
import { EvidenceStore, NewEvidence, StoredEvidence } from './EvidenceStore';

type EvidenceRow = {
  id: string;
  entity_ref: string;
  type: string;
  value: string;
  commit_sha: string | null;
  url: string | null;
  observed_at: unknown;
  recorded_at: unknown;
  recorded_by: string;
  external_id: string | null;
  demo: boolean | number;
};

const CHUNK = 500;

/** {@link EvidenceStore} in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseEvidenceStore implements EvidenceStore {
  static create(knex: Knex): DatabaseEvidenceStore {
    return new DatabaseEvidenceStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async record(evidence: NewEvidence, recordedBy: string) {
    const row = {
      id: randomUUID(),
      entity_ref: evidence.entityRef,
      type: evidence.type,
      value: JSON.stringify(evidence.value),
      commit_sha: evidence.commitSha ?? null,
      url: evidence.url ?? null,
      observed_at: new Date(evidence.observedAt),
      recorded_at: new Date(),
      recorded_by: recordedBy,
      external_id: evidence.externalId ?? null,
      demo: evidence.demo ?? false,
    };
    if (!evidence.externalId) {
      await this.knex('readiness_evidence').insert(row);
      return { evidence: this.fromRow({ ...row, demo: row.demo }), created: true };
    }
    // The unique index decides between concurrent pushes of the same externalId, not a read-then-write.
    const inserted = await this.knex('readiness_evidence')
      .insert(row)
      .onConflict('external_id')
      .ignore()
      .returning('id');
    const stored = await this.knex<EvidenceRow>('readiness_evidence')
      .where({ external_id: evidence.externalId })
      .first();
    if (!stored) {
      throw new Error(`evidence ${evidence.externalId} vanished after insert`);
    }
    const created = inserted.length > 0 && stored.id === row.id;
    const existing = this.fromRow(stored);
    if (!created && !sameEvidence(existing, evidence)) {
      throw new ConflictError(
        `externalId '${evidence.externalId}' was already recorded with different evidence (id ${existing.id})`,
      );
    }
    return { evidence: existing, created };
  }

  async latestFacts(entityRefs: string[], types?: string[]): Promise<Fact[]> {
    const facts: Fact[] = [];
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const chunk = entityRefs.slice(i, i + CHUNK);
      let query = this.knex<EvidenceRow>('readiness_evidence')
        .whereIn('entity_ref', chunk)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'type' },
          { column: 'observed_at', order: 'desc' },
          { column: 'recorded_at', order: 'desc' },
        ]);
      if (types) query = query.whereIn('type', types);
      const rows = await query;
      let previous = '';
      for (const row of rows) {
        const key = `${row.entity_ref}\u0000${row.type}`;
        if (key === previous) continue;
        previous = key;
        const stored = this.fromRow(row);
        facts.push({
          entityRef: stored.entityRef,
          type: stored.type,
          value: stored.value,
          source: 'evidence',
          observedAt: stored.observedAt,
          ...(stored.url ? { url: stored.url } : {}),
          ...(stored.commitSha ? { commitSha: stored.commitSha } : {}),
        });
      }
    }
    return facts;
  }

  async entityRefs(): Promise<string[]> {
    const rows = await this.knex('readiness_evidence').distinct('entity_ref');
    return rows.map(r => r.entity_ref as string);
  }

  private fromRow(row: EvidenceRow): StoredEvidence {
    return {
      id: row.id,
      entityRef: row.entity_ref,
      type: row.type,
      value: JSON.parse(row.value),
      observedAt: toIsoString(row.observed_at),
      recordedAt: toIsoString(row.recorded_at),
      recordedBy: row.recorded_by,
      demo: Boolean(row.demo),
      ...(row.commit_sha ? { commitSha: row.commit_sha } : {}),
      ...(row.url ? { url: row.url } : {}),
      ...(row.external_id ? { externalId: row.external_id } : {}),
    };
  }
}

function sameEvidence(stored: StoredEvidence, pushed: NewEvidence): boolean {
  return (
    stored.entityRef === pushed.entityRef &&
    stored.type === pushed.type &&
    JSON.stringify(stored.value) === JSON.stringify(pushed.value) &&
    stored.observedAt === new Date(pushed.observedAt).toISOString() &&
    (stored.commitSha ?? null) === (pushed.commitSha ?? null) &&
    (stored.url ?? null) === (pushed.url ?? null)
  );
}
