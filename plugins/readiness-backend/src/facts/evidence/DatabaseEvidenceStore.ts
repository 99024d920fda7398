import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import { Fact } from '@readiness-io/plugin-readiness-common';
import { JsonValue } from '@backstage/types';
import { toIsoString } from '../../database/dates';
import { EvidenceStore, NewEvidence, StoredEvidence } from './EvidenceStore';
import { readAhead } from '../../database/readAhead';

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

/** One entry of readiness_latest_facts.facts. */
type LatestFact = {
  value: JsonValue;
  observedAt: string;
  recordedAt: string;
  url?: string;
  commitSha?: string;
};

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
    return this.knex.transaction(async tx => {
      let created = true;
      let stored: StoredEvidence;
      if (!evidence.externalId) {
        await tx('readiness_evidence').insert(row);
        stored = this.fromRow(row);
      } else {
        // The unique index decides between concurrent pushes of the same externalId, not a read-then-write.
        const inserted = await tx('readiness_evidence')
          .insert(row)
          .onConflict('external_id')
          .ignore()
          .returning('id');
        // Inserted: the row is ours as written. Turned away: read the one that holds the externalId.
        const existing =
          inserted.length > 0
            ? row
            : await tx<EvidenceRow>('readiness_evidence')
                .where({ external_id: evidence.externalId })
                .first();
        if (!existing)
          throw new Error(
            `evidence ${evidence.externalId} vanished after insert`,
          );
        created = existing.id === row.id;
        stored = this.fromRow(existing as EvidenceRow);
        if (!created && !sameEvidence(stored, evidence)) {
          throw new ConflictError(
            `externalId '${evidence.externalId}' was already recorded with different evidence (id ${stored.id})`,
          );
        }
      }
      if (created) await this.updateLatest(tx, stored);
      return { evidence: stored, created };
    });
  }

  /** Folds new evidence into the entity's latest facts if it is newer than what is there. */
  private async updateLatest(tx: Knex.Transaction, evidence: StoredEvidence) {
    const entry: LatestFact = {
      value: evidence.value,
      observedAt: evidence.observedAt,
      recordedAt: evidence.recordedAt,
      ...(evidence.url ? { url: evidence.url } : {}),
      ...(evidence.commitSha ? { commitSha: evidence.commitSha } : {}),
    };
    if (tx.client.config.client === 'pg') {
      // One statement: the row lock is held for it alone, not across a read and a write, so concurrent pushes about
      // one entity (a CI run's test results) do not queue behind each other's round trips. Times are ISO strings of
      // one form, so comparing them as text orders them.
      const { type, observedAt, recordedAt } = evidence;
      await tx.raw(
        `INSERT INTO readiness_latest_facts (entity_ref, facts)
         VALUES (?, jsonb_build_object(?::text, ?::jsonb)::text)
         ON CONFLICT (entity_ref) DO UPDATE
         SET facts = (readiness_latest_facts.facts::jsonb || excluded.facts::jsonb)::text
         WHERE (coalesce(readiness_latest_facts.facts::jsonb #>> ARRAY[?::text, 'observedAt'], ''),
                coalesce(readiness_latest_facts.facts::jsonb #>> ARRAY[?::text, 'recordedAt'], '')) <= (?, ?)`,
        [
          evidence.entityRef,
          type,
          JSON.stringify(entry),
          type,
          type,
          observedAt,
          recordedAt,
        ],
      );
      return;
    }
    await tx('readiness_latest_facts')
      .insert({ entity_ref: evidence.entityRef, facts: '{}' })
      .onConflict('entity_ref')
      .ignore();
    const { facts } = (await tx<{ entity_ref: string; facts: string }>(
      'readiness_latest_facts',
    )
      .where({ entity_ref: evidence.entityRef })
      .first())!;
    const latest: Record<string, LatestFact> = JSON.parse(facts);
    const current = latest[evidence.type];
    const observed = Date.parse(evidence.observedAt);
    if (
      current &&
      (Date.parse(current.observedAt) > observed ||
        (Date.parse(current.observedAt) === observed &&
          Date.parse(current.recordedAt) > Date.parse(evidence.recordedAt)))
    ) {
      return;
    }
    latest[evidence.type] = entry;
    await tx('readiness_latest_facts')
      .where({ entity_ref: evidence.entityRef })
      .update({ facts: JSON.stringify(latest) });
  }

  async latestFacts(entityRefs: string[], types?: string[]): Promise<Fact[]> {
    const wanted = types ? new Set(types) : undefined;
    const facts: Fact[] = [];
    await readAhead(
      Math.ceil(entityRefs.length / CHUNK),
      chunk =>
        this.knex<{ entity_ref: string; facts: string }>(
          'readiness_latest_facts',
        )
          .whereIn(
            'entity_ref',
            entityRefs.slice(chunk * CHUNK, (chunk + 1) * CHUNK),
          )
          .select('entity_ref', 'facts'),
      rows => this.addLatest(rows, wanted, facts),
    );
    return facts;
  }

  private addLatest(
    rows: Array<{ entity_ref: string; facts: string }>,
    wanted: Set<string> | undefined,
    facts: Fact[],
  ) {
    for (const row of rows) {
      const latest: Record<string, LatestFact> = JSON.parse(row.facts);
      for (const type in latest) {
        if (wanted && !wanted.has(type)) continue;
        const f = latest[type];
        const fact: Fact = {
          entityRef: row.entity_ref,
          type,
          value: f.value,
          source: 'evidence',
          observedAt: f.observedAt,
        };
        if (f.url) fact.url = f.url;
        if (f.commitSha) fact.commitSha = f.commitSha;
        facts.push(fact);
      }
    }
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
    (pushed.observedAtDefaulted ||
      stored.observedAt === new Date(pushed.observedAt).toISOString()) &&
    (stored.commitSha ?? null) === (pushed.commitSha ?? null) &&
    (stored.url ?? null) === (pushed.url ?? null)
  );
}
