import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import { Fact } from '@readiness-io/plugin-readiness-common';
import { JsonValue } from '@backstage/types';
import { toIsoString } from '../../database/dates';
import { EvidenceStore, NewEvidence, StoredEvidence } from './EvidenceStore';
import { readAhead } from '../../database/readAhead';
import { isPostgres } from '../../database/bulkInsert';
import { GroupedCalls } from '../../database/groupedCalls';

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

/**
 * A push to record: its row, the evidence as stored when the row goes in, and what was pushed (to compare with the
 * row that holds its externalId when it does not).
 */
type EvidenceItem = {
  row: EvidenceRow;
  stored: StoredEvidence;
  evidence: NewEvidence;
};

/**
 * PostgreSQL, in `ON CONFLICT (entity_ref) DO UPDATE` of readiness_latest_facts (aliased `l`): the stored facts with
 * each new entry (of `excluded.facts`) that is not older than the stored one of its type. Times are ISO strings of
 * one form, so comparing them as text orders them.
 */
const FOLD_INTO_STORED = `
  SELECT (l.facts::jsonb || coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb))::text
  FROM jsonb_each(excluded.facts::jsonb) AS n(key, value)
  WHERE (coalesce(l.facts::jsonb #>> ARRAY[n.key, 'observedAt'], ''),
         coalesce(l.facts::jsonb #>> ARRAY[n.key, 'recordedAt'], ''))
        <= (n.value ->> 'observedAt', n.value ->> 'recordedAt')`;

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

  /** Concurrent pushes are written together ({@link DatabaseEvidenceStore.recordGroup}). */
  private readonly writes = new GroupedCalls<
    EvidenceItem,
    { evidence: StoredEvidence; created: boolean } | Error
  >(items => this.recordGroup(items));

  private constructor(private readonly knex: Knex) {}

  async record(evidence: NewEvidence, recordedBy: string) {
    const row: EvidenceRow = {
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
    const result = await this.writes.call({
      row,
      stored: this.fromRow(row),
      evidence,
    });
    if (result instanceof Error) throw result;
    return result;
  }

  /**
   * Records a group of pushes, each as if alone and in order: the unique index decides between pushes of one
   * externalId (a later one in the group, or another replica's, is turned away and compared with the row that holds
   * it), not a read-then-write. On PostgreSQL the rows and their fold into the latest facts are one statement (one
   * round trip, one commit); elsewhere one transaction.
   */
  private async recordGroup(items: EvidenceItem[]) {
    if (isPostgres(this.knex)) {
      const ours = await this.insertAndFoldOnPostgres(items);
      return (await this.answers(this.knex, items, ours)).results;
    }
    return this.knex.transaction(async tx => {
      const inserted = await this.insertNew(tx, items);
      const { results, created } = await this.answers(tx, items, inserted);
      await this.updateLatest(tx, created);
      return results;
    });
  }

  /** Inserts the rows whose externalId is not held yet (every row without one): the ids of those inserted. */
  private insertNew(db: Knex, items: EvidenceItem[]) {
    return db('readiness_evidence')
      .insert(items.map(i => i.row))
      .onConflict('external_id')
      .ignore()
      .returning('id');
  }

  /**
   * Each push's answer: its row when inserted; otherwise the row that holds its externalId — the same evidence
   * (`created: false`) or a ConflictError.
   */
  private async answers(
    db: Knex,
    items: EvidenceItem[],
    inserted: Array<{ id: string } | string>,
  ) {
    const ours = new Set(inserted.map(r => (typeof r === 'string' ? r : r.id)));
    const turnedAway = items.filter(i => !ours.has(i.row.id));
    // Answered, not thrown, when it fails: the group's rows are written by then, and a group that throws is run
    // again item by item — the pushes that went in would be answered as repeats.
    const holders =
      turnedAway.length === 0
        ? new Map<string | null, EvidenceRow>()
        : await db<EvidenceRow>('readiness_evidence')
            .whereIn('external_id', [
              ...new Set(turnedAway.map(i => i.row.external_id!)),
            ])
            .then(rows => new Map(rows.map(r => [r.external_id, r])))
            .catch((error: Error) => error);
    const created: StoredEvidence[] = [];
    const results = items.map(({ row, stored: ourStored, evidence }) => {
      if (ours.has(row.id)) {
        created.push(ourStored);
        return { evidence: ourStored, created: true };
      }
      if (holders instanceof Error) return holders;
      const holder = holders.get(row.external_id);
      if (!holder)
        return new Error(
          `evidence ${row.external_id} was turned away but no row holds it`,
        );
      const stored = this.fromRow(holder);
      if (!sameEvidence(stored, evidence))
        return new ConflictError(
          `externalId '${evidence.externalId}' was already recorded with different evidence (id ${stored.id})`,
        );
      return { evidence: stored, created: false };
    });
    return { results, created };
  }

  /**
   * PostgreSQL: the group's rows inserted and those that went in folded into their entities' latest facts, in one
   * statement. Of several new entries of a type for an entity the newest is folded; it replaces the stored one
   * unless that one is newer. Entities' rows are locked in one order (two replicas' groups do not deadlock).
   */
  private async insertAndFoldOnPostgres(items: EvidenceItem[]) {
    const entries = items.map(({ stored: e }) => ({
      id: e.id,
      entity_ref: e.entityRef,
      type: e.type,
      entry: entryOf(e),
    }));
    const { rows } = await this.knex.raw<{ rows: Array<{ id: string }> }>(
      `WITH ins AS (?),
       entries AS (
         SELECT x.entity_ref, x.type, x.entry
         FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, entity_ref text, type text, entry jsonb)
         JOIN ins ON ins.id = x.id),
       newest AS (
         SELECT DISTINCT ON (entity_ref, type) entity_ref, type, entry
         FROM entries
         ORDER BY entity_ref, type, entry ->> 'observedAt' DESC, entry ->> 'recordedAt' DESC),
       folded AS (
         INSERT INTO readiness_latest_facts AS l (entity_ref, facts)
         SELECT entity_ref, jsonb_object_agg(type, entry)::text FROM newest GROUP BY entity_ref ORDER BY entity_ref
         ON CONFLICT (entity_ref) DO UPDATE
         SET facts = (${FOLD_INTO_STORED}))
       SELECT id FROM ins`,
      [this.insertNew(this.knex, items), JSON.stringify(entries)],
    );
    return rows;
  }

  /**
   * Folds new evidence into its entities' latest facts where it is newer than what is there (a read and a write per
   * entity, in the caller's transaction: SQLite has one writer at a time).
   */
  private async updateLatest(tx: Knex.Transaction, evidence: StoredEvidence[]) {
    const newest = new Map<string, Record<string, LatestFact>>();
    for (const e of evidence) {
      const entries = newest.get(e.entityRef) ?? {};
      newest.set(e.entityRef, entries);
      const current = entries[e.type];
      if (!current || !newer(current, e)) entries[e.type] = entryOf(e);
    }
    for (const [ref, entries] of newest) {
      await tx('readiness_latest_facts')
        .insert({ entity_ref: ref, facts: '{}' })
        .onConflict('entity_ref')
        .ignore();
      const { facts } = (await tx<{ entity_ref: string; facts: string }>(
        'readiness_latest_facts',
      )
        .where({ entity_ref: ref })
        .first())!;
      const latest: Record<string, LatestFact> = JSON.parse(facts);
      for (const [type, entry] of Object.entries(entries)) {
        const current = latest[type];
        if (!current || !newer(current, entry)) latest[type] = entry;
      }
      await tx('readiness_latest_facts')
        .where({ entity_ref: ref })
        .update({ facts: JSON.stringify(latest) });
    }
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

/** Evidence as an entry of its entity's latest facts. */
function entryOf(e: StoredEvidence): LatestFact {
  return {
    value: e.value,
    observedAt: e.observedAt,
    recordedAt: e.recordedAt,
    ...(e.url ? { url: e.url } : {}),
    ...(e.commitSha ? { commitSha: e.commitSha } : {}),
  };
}

/** Whether a stored entry is newer than another: observed later, or observed at the same time and recorded later. */
function newer(
  stored: { observedAt: string; recordedAt: string },
  other: { observedAt: string; recordedAt: string },
): boolean {
  const observed = Date.parse(other.observedAt);
  return (
    Date.parse(stored.observedAt) > observed ||
    (Date.parse(stored.observedAt) === observed &&
      Date.parse(stored.recordedAt) > Date.parse(other.recordedAt))
  );
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
