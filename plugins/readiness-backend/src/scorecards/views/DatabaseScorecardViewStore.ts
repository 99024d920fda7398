import { Knex } from 'knex';
import { isPostgres } from '../../database/bulkInsert';
import { toIsoString } from '../../database/dates';
import { groupedReads } from '../../database/groupedCalls';
import {
  ScorecardView,
  ScorecardViewScope,
  ScorecardViewStore,
  StoredView,
  ViewForm,
} from './ScorecardViewStore';

const TABLE = 'readiness_scorecard_views';
const CHUNK = 500;

type Row = {
  entity_ref: string;
  generation: number | string;
  tracks_key: string | null;
  entity_etag: string | null;
  computed_at: unknown;
  body?: string | null;
  body_gzip?: Buffer | null;
};

/** What is read of a view besides its body. */
const VIEW_COLUMNS = [
  'entity_ref',
  'generation',
  'tracks_key',
  'entity_etag',
  'computed_at',
] as const;

const storedView = (row: Row): StoredView => ({
  generation: Number(row.generation),
  ...(row.tracks_key ? { tracksKey: row.tracks_key } : {}),
  ...(row.entity_etag ? { entityEtag: row.entity_etag } : {}),
  ...(row.computed_at ? { computedAt: toIsoString(row.computed_at) } : {}),
  ...(row.body ? { body: row.body } : {}),
  ...(row.body_gzip ? { bodyGzip: row.body_gzip } : {}),
});

/** What clears a view: its body (in both forms) and when it was computed; the generation moves on. */
const cleared = (knex: Knex) => ({
  generation: knex.raw('generation + 1'),
  body: null,
  body_gzip: null,
  computed_at: null,
});

/** {@link ScorecardViewStore} in the plugin's database. */
export class DatabaseScorecardViewStore implements ScorecardViewStore {
  static create(knex: Knex) {
    return new DatabaseScorecardViewStore(knex);
  }

  /** Reads of either form: concurrent reads (every scorecard a page or a CI gate asks for) are one query. */
  private readonly reads = {
    json: this.groupedReads('body'),
    gzip: this.groupedReads('body_gzip'),
  };

  private constructor(private readonly knex: Knex) {}

  async get(
    entityRef: string,
    form: ViewForm = 'json',
  ): Promise<StoredView | undefined> {
    const row = await this.reads[form].call(entityRef);
    return row ? storedView(row) : undefined;
  }

  private groupedReads(body: 'body' | 'body_gzip') {
    return groupedReads(
      (refs): Promise<Row[]> =>
        this.knex(TABLE)
          .select(...VIEW_COLUMNS, body)
          .whereIn('entity_ref', refs),
      row => row.entity_ref,
      { concurrency: 2 },
    );
  }

  async getMany(entityRefs: string[]): Promise<Map<string, StoredView>> {
    const views = new Map<string, StoredView>();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const rows: Row[] = await this.knex(TABLE)
        .select(...VIEW_COLUMNS)
        .whereIn('entity_ref', entityRefs.slice(i, i + CHUNK));
      for (const row of rows) views.set(row.entity_ref, storedView(row));
    }
    return views;
  }

  async begin(unordered: ScorecardViewScope[]): Promise<Map<string, number>> {
    const scopes = inLockOrder(unordered);
    const generations = new Map<string, number>();
    for (let i = 0; i < scopes.length; i += CHUNK) {
      const chunk = scopes.slice(i, i + CHUNK);
      // The scope is written before anything is read, so clearing a System or a track reaches views still being
      // computed; the generation of an existing row is kept.
      await this.knex(TABLE)
        .insert(
          chunk.map(s => ({
            entity_ref: s.entityRef,
            generation: 0,
            system_ref: s.systemRef ?? null,
            track_ids: `,${s.trackIds.join(',')},`,
          })),
        )
        .onConflict('entity_ref')
        .merge(['system_ref', 'track_ids']);
      const rows: Row[] = await this.knex(TABLE)
        .select('entity_ref', 'generation')
        .whereIn(
          'entity_ref',
          chunk.map(s => s.entityRef),
        );
      for (const row of rows)
        generations.set(row.entity_ref, Number(row.generation));
    }
    return generations;
  }

  async save(unordered: ScorecardView[]): Promise<number> {
    const views = inLockOrder(unordered);
    let saved = 0;
    for (let i = 0; i < views.length; i += CHUNK) {
      const chunk = views.slice(i, i + CHUNK);
      saved += await this.knex.transaction(async tx => {
        let count = 0;
        for (const view of chunk) {
          count += await tx(TABLE)
            .where({ entity_ref: view.entityRef, generation: view.generation })
            .update({
              tracks_key: view.tracksKey,
              entity_etag: view.entityEtag ?? null,
              computed_at: new Date(view.computedAt),
              body: view.body,
              body_gzip: view.bodyGzip,
            });
        }
        return count;
      });
    }
    return saved;
  }

  async invalidateEntities(entityRefs: string[]): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const chunk = entityRefs.slice(i, i + CHUNK);
      await this.clear(q => q.whereIn('entity_ref', chunk));
    }
  }

  async invalidateTracks(trackIds: string[]): Promise<void> {
    if (trackIds.length === 0) return;
    await this.clear(q =>
      q.where(w => {
        for (const id of trackIds) w.orWhere('track_ids', 'like', `%,${id},%`);
      }),
    );
  }

  async invalidateSystem(systemRef: string): Promise<void> {
    await this.clear(q => q.where({ system_ref: systemRef }));
  }

  /**
   * Clears the views `where` selects. On PostgreSQL their rows are locked first in entity order — the order begin
   * and save write them in — so clears and saves running at once wait for each other instead of deadlocking.
   */
  private async clear(where: (q: Knex.QueryBuilder) => Knex.QueryBuilder) {
    if (isPostgres(this.knex)) {
      await this.knex(TABLE)
        .whereIn('entity_ref', sub =>
          where(sub.select('entity_ref').from(TABLE))
            .orderByRaw('entity_ref COLLATE "C"')
            .forUpdate(),
        )
        .update(cleared(this.knex));
      return;
    }
    await where(this.knex(TABLE)).update(cleared(this.knex));
  }
}

/**
 * Views in the order rows are locked in: by entity ref, compared by UTF-16 code unit, as PostgreSQL's `COLLATE "C"`
 * compares the refs Readiness stores (lower-case, and ASCII in practice).
 */
function inLockOrder<T extends { entityRef: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.entityRef === b.entityRef) return 0;
    return a.entityRef < b.entityRef ? -1 : 1;
  });
}
