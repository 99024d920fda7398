import { selectWhereIn } from '../../database/whereInChunks';
import { Knex } from 'knex';
import { TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import { BulkColumn, bulkInsert } from '../../database/bulkInsert';
import { toIsoString } from '../../database/dates';
import {
  CurrentStatus,
  ResultStore,
  resultKey,
  snapshotOf,
  StatusSnapshot,
  Transition,
} from './ResultStore';
import { readAhead } from '../../database/readAhead';

type VectorRow = {
  entity_ref: string;
  track_id: string;
  statuses: string;
  since: string;
  evaluated_at: unknown;
};

type HistoryRow = {
  id: number;
  entity_ref: string;
  track_id: string;
  gate_id: string;
  check_id: string;
  from_status: string | null;
  to_status: string;
  at: unknown;
};

const ENTITY_CHUNK = 500;
const WRITES_IN_FLIGHT = 2;

const VECTOR_COLUMNS: BulkColumn<VectorRow>[] = [
  { name: 'entity_ref', pgType: 'text' },
  { name: 'track_id', pgType: 'text' },
  { name: 'statuses', pgType: 'text' },
  { name: 'since', pgType: 'text' },
  { name: 'evaluated_at', pgType: 'timestamptz' },
];

const HISTORY_COLUMNS: BulkColumn<Omit<HistoryRow, 'id'>>[] = [
  { name: 'entity_ref', pgType: 'text' },
  { name: 'track_id', pgType: 'text' },
  { name: 'gate_id', pgType: 'text' },
  { name: 'check_id', pgType: 'text' },
  { name: 'from_status', pgType: 'text' },
  { name: 'to_status', pgType: 'text' },
  { name: 'at', pgType: 'timestamptz' },
];

/** {@link ResultStore} in the plugin's database: one row per entity and track, plus the transitions. */
export class DatabaseResultStore implements ResultStore {
  static create(knex: Knex): DatabaseResultStore {
    return new DatabaseResultStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async saveEvaluations(evaluations: TrackEvaluation[]): Promise<Transition[]> {
    return this.saveStatuses(evaluations.map(snapshotOf));
  }

  async saveStatuses(snapshots: StatusSnapshot[]): Promise<Transition[]> {
    const transitions: Transition[] = [];
    const entityRefs = [...new Set(snapshots.map(s => s.entityRef))];
    const byEntity = new Map<string, StatusSnapshot[]>();
    for (const s of snapshots) {
      const list = byEntity.get(s.entityRef);
      if (list) list.push(s);
      else byEntity.set(s.entityRef, [s]);
    }
    // Chunks are written while the next ones are read and compared, up to WRITES_IN_FLIGHT at once (they touch
    // different entities): the database works on several while this process prepares the next. The next chunk's
    // stored statuses are read while this one is compared; since-when is read only for what changed.
    const writing: Promise<void>[] = [];
    const chunkOf = (c: number) =>
      entityRefs.slice(c * ENTITY_CHUNK, (c + 1) * ENTITY_CHUNK);
    await readAhead(
      Math.ceil(entityRefs.length / ENTITY_CHUNK),
      c =>
        this.knex<VectorRow>('readiness_result_vectors')
          .whereIn('entity_ref', chunkOf(c))
          .select('entity_ref', 'track_id', 'statuses'),
      async (existing, c) => {
        const current = new Map(
          existing.map(r => [`${r.entity_ref}\u0000${r.track_id}`, r]),
        );
        const changedSnapshots: Array<{
          snapshot: StatusSnapshot;
          before: Record<string, string>;
          changes: number[];
          stored: boolean;
        }> = [];
        for (const entityRef of chunkOf(c)) {
          for (const snapshot of byEntity.get(entityRef)!) {
            const row = current.get(`${entityRef}\u0000${snapshot.trackId}`);
            const before: Record<string, string> = row
              ? JSON.parse(row.statuses)
              : {};
            const changes: number[] = [];
            for (let k = 0; k < snapshot.keys.length; k++) {
              if (before[snapshot.keys[k]] !== snapshot.statuses[k])
                changes.push(k);
            }
            if (
              row &&
              changes.length === 0 &&
              Object.keys(before).length === snapshot.keys.length
            )
              continue;
            changedSnapshots.push({
              snapshot,
              before,
              changes,
              stored: Boolean(row),
            });
          }
        }
        if (changedSnapshots.length === 0) return;
        const sinceOf = await this.storedSince(
          changedSnapshots.filter(x => x.stored).map(x => x.snapshot),
        );

        const upserts: VectorRow[] = [];
        const history: Omit<HistoryRow, 'id'>[] = [];
        for (const { snapshot, before, changes } of changedSnapshots) {
          const entityRef = snapshot.entityRef;
          const beforeSince =
            sinceOf.get(`${entityRef}\u0000${snapshot.trackId}`) ?? {};
          const statuses: Record<string, string> = {};
          const since: Record<string, string> = {};
          const at = new Date(snapshot.evaluatedAt);
          const atIso = at.toISOString();
          const changedSet = new Set(changes);
          for (let k = 0; k < snapshot.keys.length; k++) {
            const key = snapshot.keys[k];
            statuses[key] = snapshot.statuses[k];
            since[key] = changedSet.has(k) ? atIso : beforeSince[key] ?? atIso;
          }
          upserts.push({
            entity_ref: entityRef,
            track_id: snapshot.trackId,
            statuses: JSON.stringify(statuses),
            since: JSON.stringify(since),
            evaluated_at: at,
          });
          for (const k of changes) {
            const key = snapshot.keys[k];
            const slash = key.indexOf('/');
            const from = before[key];
            history.push({
              entity_ref: entityRef,
              track_id: snapshot.trackId,
              gate_id: key.slice(0, slash),
              check_id: key.slice(slash + 1),
              from_status: from ?? null,
              to_status: snapshot.statuses[k],
              at,
            });
            transitions.push({
              entityRef,
              trackId: snapshot.trackId,
              gateId: key.slice(0, slash),
              checkId: key.slice(slash + 1),
              ...(from ? { from } : {}),
              to: snapshot.statuses[k],
              at: atIso,
            });
          }
        }
        if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
        const write = this.knex.transaction(async tx => {
          await bulkInsert(
            tx,
            'readiness_result_vectors',
            VECTOR_COLUMNS,
            upserts,
            {
              onConflict: ['entity_ref', 'track_id'],
              merge: ['statuses', 'since', 'evaluated_at'],
            },
          );
          await bulkInsert(tx, 'readiness_history', HISTORY_COLUMNS, history);
        });
        // Handled here so a failure is not reported as unhandled while the next chunk is read; awaited below.
        write.catch(() => {});
        writing.push(write);
      },
    );
    for (const write of writing) await write;
    return transitions;
  }

  /** Since when each check of these stored entity × track results has had its status, by entity and track. */
  private async storedSince(
    snapshots: StatusSnapshot[],
  ): Promise<Map<string, Record<string, string>>> {
    const sinceOf = new Map<string, Record<string, string>>();
    if (snapshots.length === 0) return sinceOf;
    const rows = await this.knex<VectorRow>('readiness_result_vectors')
      .whereIn('entity_ref', [...new Set(snapshots.map(x => x.entityRef))])
      .select('entity_ref', 'track_id', 'since');
    for (const row of rows) {
      sinceOf.set(
        `${row.entity_ref}\u0000${row.track_id}`,
        JSON.parse(row.since),
      );
    }
    return sinceOf;
  }

  async currentMany(entityRefs: string[]) {
    const rows = await selectWhereIn<VectorRow>(
      this.knex,
      'readiness_result_vectors',
      'entity_ref',
      entityRefs,
      { column: 'entity_ref', order: 'asc' },
    );
    const result = new Map<
      string,
      Array<{
        trackId: string;
        statuses: Record<string, string>;
        evaluatedAt: string;
      }>
    >();
    for (const row of rows) {
      const list = result.get(row.entity_ref) ?? [];
      list.push({
        trackId: row.track_id,
        statuses: JSON.parse(row.statuses),
        evaluatedAt: toIsoString(row.evaluated_at),
      });
      result.set(row.entity_ref, list);
    }
    return result;
  }

  async current(entityRef: string): Promise<Map<string, CurrentStatus>> {
    return (await this.currentOfMany([entityRef])).get(entityRef) ?? new Map();
  }

  async currentOfMany(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, CurrentStatus>>> {
    const rows =
      entityRefs.length === 1
        ? await this.knex<VectorRow>('readiness_result_vectors').where({
            entity_ref: entityRefs[0],
          })
        : await selectWhereIn<VectorRow>(
            this.knex,
            'readiness_result_vectors',
            'entity_ref',
            entityRefs,
            { column: 'entity_ref', order: 'asc' },
          );
    const result = new Map<string, Map<string, CurrentStatus>>();
    for (const row of rows) {
      let current = result.get(row.entity_ref);
      if (!current) result.set(row.entity_ref, (current = new Map()));
      const statuses: Record<string, string> = JSON.parse(row.statuses);
      const since: Record<string, string> = JSON.parse(row.since);
      for (const [key, status] of Object.entries(statuses)) {
        const slash = key.indexOf('/');
        current.set(
          resultKey(row.track_id, key.slice(0, slash), key.slice(slash + 1)),
          { status, since: since[key] },
        );
      }
    }
    return result;
  }

  async history(
    entityRef: string,
    options: { trackId?: string; limit: number; before?: string },
  ): Promise<Transition[]> {
    let query = this.knex<HistoryRow>('readiness_history')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    if (options.trackId) query = query.where({ track_id: options.trackId });
    if (options.before)
      query = query.where('at', '<', new Date(options.before));
    const rows = await query;
    return rows.map(r => ({
      entityRef: r.entity_ref,
      trackId: r.track_id,
      gateId: r.gate_id,
      checkId: r.check_id,
      ...(r.from_status ? { from: r.from_status } : {}),
      to: r.to_status,
      at: toIsoString(r.at),
    }));
  }
}
