import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import { toIsoString, toOptionalIsoString } from '../database/dates';
import { GroupedCalls } from '../database/groupedCalls';
import { isPostgres } from '../database/bulkInsert';
import {
  Deployment,
  DeploymentStore,
  EnvironmentState,
  NewDeployment,
} from './DeploymentStore';

type DeploymentRow = {
  id: string;
  entity_ref: string;
  environment: string;
  version: string;
  status: string;
  actor: string | null;
  commit_sha: string | null;
  url: string | null;
  started_at: unknown;
  finished_at: unknown;
  external_id: string | null;
  rollback_of: string | null;
  recorded_by: string;
  updated_at: unknown;
};

const CHUNK = 500;
/** Rows per bulk INSERT (14 columns each; well under SQLite's and Postgres' bind-parameter limits). */
const BULK_CHUNK = 200;

/** {@link DeploymentStore} in the plugin's database. */
export class DatabaseDeploymentStore implements DeploymentStore {
  static create(knex: Knex): DatabaseDeploymentStore {
    return new DatabaseDeploymentStore(knex);
  }

  /**
   * Concurrent new events are one INSERT … ON CONFLICT DO NOTHING (one statement: all or none): whether each row went
   * in. The unique index turns away an externalId already held, by an earlier row of the group too.
   */
  private readonly inserts = new GroupedCalls<DeploymentRow, boolean>(
    async rows => {
      const ids = await this.insertNew(rows);
      return rows.map(r => ids.has(r.id));
    },
    { maxGroup: BULK_CHUNK },
  );

  private constructor(private readonly knex: Knex) {}

  /** Inserts the rows whose externalId is not held yet (every row without one); the ids of those inserted. */
  private async insertNew(rows: DeploymentRow[]) {
    const inserted = await this.knex('readiness_deployments')
      .insert(rows)
      .onConflict('external_id')
      .ignore()
      .returning('id');
    return new Set(
      inserted.map((r: { id: string } | string) =>
        typeof r === 'string' ? r : r.id,
      ),
    );
  }

  async recordMany(items: NewDeployment[], recordedBy: string) {
    const results: Array<
      | { deployment: Deployment; created: boolean }
      | { error: Error }
      | undefined
    > = new Array(items.length);
    // The first event of each externalId (and every event without one) can go in one INSERT … ON CONFLICT DO
    // NOTHING; whatever the unique index turns away is an update of the row that holds it, made in order afterwards.
    const seen = new Set<string>();
    const firsts: number[] = [];
    items.forEach((d, i) => {
      if (d.externalId && seen.has(d.externalId)) return;
      if (d.externalId) seen.add(d.externalId);
      firsts.push(i);
    });
    const now = new Date();
    for (let c = 0; c < firsts.length; c += BULK_CHUNK) {
      const chunk = firsts
        .slice(c, c + BULK_CHUNK)
        .map(i => ({ i, row: toRow(items[i], recordedBy, now) }));
      const ids = await this.insertNew(chunk.map(x => x.row));
      for (const { i, row } of chunk)
        if (ids.has(row.id))
          results[i] = { deployment: fromRow(row), created: true };
    }
    for (let i = 0; i < items.length; i++) {
      if (results[i]) continue;
      try {
        // Every event left is a repeat of an externalId held by now (turned away above, or after its first).
        results[i] = await this.updateHeld(items[i], now);
      } catch (error) {
        results[i] = { error: error as Error };
      }
    }
    return results as Array<
      { deployment: Deployment; created: boolean } | { error: Error }
    >;
  }

  async record(d: NewDeployment, recordedBy: string) {
    const now = new Date();
    const row = toRow(d, recordedBy, now);
    // A new event is one row of a grouped insert; a repeated externalId updates the row that holds it, locked,
    // below (rows are never deleted).
    if (await this.inserts.call(row))
      return { deployment: fromRow(row), created: true };
    if (!d.externalId)
      throw new Error(`a deployment without externalId was not inserted`);
    return this.updateHeld(d, now);
  }

  /** A repeat of an externalId already held: the row that holds it, locked, updated as the transitions allow. */
  private updateHeld(d: NewDeployment, now: Date) {
    return this.knex.transaction(async tx => {
      let query = tx<DeploymentRow>('readiness_deployments').where({
        external_id: d.externalId,
      });
      if (tx.client.config.client === 'pg') query = query.forUpdate();
      const existing = (await query.first())!;
      const before = fromRow(existing);
      for (const field of ['entityRef', 'environment', 'version'] as const) {
        if (before[field] !== d[field]) {
          throw new ConflictError(
            `externalId '${d.externalId}' is a deployment of another ${field} (${before[field]})`,
          );
        }
      }
      if (before.status !== 'in_progress' && d.status === 'in_progress') {
        throw new ConflictError(
          `Deployment ${before.id} has finished (${before.status}); it cannot go back to in_progress`,
        );
      }
      if (
        before.status !== 'in_progress' &&
        before.status !== d.status &&
        !(before.status === 'succeeded' && d.status === 'rolled_back')
      ) {
        throw new ConflictError(
          `Deployment ${before.id} has finished as ${before.status}; it cannot become ${d.status}`,
        );
      }
      await tx('readiness_deployments')
        .where({ id: existing.id })
        .update({
          status: d.status,
          finished_at: d.finishedAt
            ? new Date(d.finishedAt)
            : existing.finished_at,
          url: d.url ?? existing.url,
          commit_sha: d.commitSha ?? existing.commit_sha,
          actor: d.actor ?? existing.actor,
          updated_at: now,
        });
      const updated = await tx<DeploymentRow>('readiness_deployments')
        .where({ id: existing.id })
        .first();
      return { deployment: fromRow(updated!), created: false };
    });
  }

  async markRolledBack(id: string) {
    const updated = await this.knex('readiness_deployments')
      .where({ id, status: 'succeeded' })
      .update({ status: 'rolled_back', updated_at: new Date() });
    return updated === 1;
  }

  async get(id: string) {
    const row = await this.knex<DeploymentRow>('readiness_deployments')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(
    entityRefs: string[],
    options: { environment?: string; limit: number; offset: number },
  ) {
    const base = () => {
      let q = this.knex<DeploymentRow>('readiness_deployments').whereIn(
        'entity_ref',
        entityRefs,
      );
      if (options.environment)
        q = q.where({ environment: options.environment });
      return q;
    };
    const [{ n }] = await base().count({ n: '*' });
    const rows = await base()
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit)
      .offset(options.offset);
    return { items: rows.map(fromRow), total: Number(n) };
  }

  async states(entityRefs: string[]) {
    const result = new Map<string, EnvironmentState[]>();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const rows = await this.knex<DeploymentRow>('readiness_deployments')
        .whereIn('entity_ref', entityRefs.slice(i, i + CHUNK))
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      const byKey = new Map<string, EnvironmentState>();
      for (const row of rows) {
        const key = `${row.entity_ref}\u0000${row.environment}`;
        const d = fromRow(row);
        const state = byKey.get(key);
        if (!state)
          byKey.set(key, {
            environment: d.environment,
            latest: d,
            ...(d.status === 'succeeded' ? { lastSuccessful: d } : {}),
          });
        else if (!state.lastSuccessful && d.status === 'succeeded')
          state.lastSuccessful = d;
      }
      for (const [key, state] of byKey) {
        const entityRef = key.split('\u0000')[0];
        result.set(entityRef, [...(result.get(entityRef) ?? []), state]);
      }
    }
    return result;
  }

  async recent(entityRef: string, environment: string, limit: number) {
    const rows = await this.knex<DeploymentRow>('readiness_deployments')
      .where({ entity_ref: entityRef, environment })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  async recentMany(
    pairs: Array<{ entityRef: string; environment: string }>,
    limit: number,
  ) {
    const result = new Map<string, Deployment[]>();
    const key = (entityRef: string, environment: string) =>
      `${entityRef}\u0000${environment}`;
    const wanted = [
      ...new Map(pairs.map(p => [key(p.entityRef, p.environment), p])).values(),
    ];
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows: DeploymentRow[] = isPostgres(this.knex)
        ? // The newest `limit` of each pair, each read from the end of its index: the cost does not grow with the
          // history of deployments.
          (
            await this.knex.raw(
              `SELECT d.* FROM unnest(?::text[], ?::text[]) AS k(entity_ref, environment)
               CROSS JOIN LATERAL (
                 SELECT * FROM readiness_deployments x
                 WHERE x.entity_ref = k.entity_ref AND x.environment = k.environment
                 ORDER BY x.started_at DESC, x.id DESC
                 LIMIT ?) d
               ORDER BY d.entity_ref, d.environment, d.started_at DESC, d.id DESC`,
              [
                chunk.map(p => p.entityRef),
                chunk.map(p => p.environment),
                limit,
              ],
            )
          ).rows
        : // The same, numbered by a window function (SQLite ≥ 3.25 has no LATERAL), of the chunk's entities and
          // environments; pairs not asked for are left out below.
          await this.knex
            .from(
              this.knex<DeploymentRow>('readiness_deployments')
                .whereIn('entity_ref', [
                  ...new Set(chunk.map(p => p.entityRef)),
                ])
                .whereIn('environment', [
                  ...new Set(chunk.map(p => p.environment)),
                ])
                .select(
                  '*',
                  this.knex.raw(
                    'row_number() over (partition by entity_ref, environment order by started_at desc, id desc) as recent_rank',
                  ),
                )
                .as('ranked'),
            )
            .where('recent_rank', '<=', limit)
            .orderBy([
              { column: 'entity_ref', order: 'asc' },
              { column: 'environment', order: 'asc' },
              { column: 'recent_rank', order: 'asc' },
            ]);
      const asked = new Set(chunk.map(p => key(p.entityRef, p.environment)));
      for (const row of rows) {
        const k = key(row.entity_ref, row.environment);
        if (!asked.has(k)) continue;
        const list = result.get(k);
        if (list) list.push(fromRow(row));
        else result.set(k, [fromRow(row)]);
      }
    }
    return result;
  }
}

function fromRow(row: DeploymentRow): Deployment {
  const finishedAt = toOptionalIsoString(row.finished_at);
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    status: row.status as Deployment['status'],
    startedAt: toIsoString(row.started_at),
    recordedBy: row.recorded_by,
    updatedAt: toIsoString(row.updated_at),
    ...(finishedAt ? { finishedAt } : {}),
    ...(row.actor ? { actor: row.actor } : {}),
    ...(row.commit_sha ? { commitSha: row.commit_sha } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.external_id ? { externalId: row.external_id } : {}),
    ...(row.rollback_of ? { rollbackOf: row.rollback_of } : {}),
  };
}

function toRow(d: NewDeployment, recordedBy: string, now: Date) {
  return {
    id: randomUUID(),
    entity_ref: d.entityRef,
    environment: d.environment,
    version: d.version,
    status: d.status,
    actor: d.actor ?? null,
    commit_sha: d.commitSha ?? null,
    url: d.url ?? null,
    started_at: new Date(d.startedAt),
    finished_at: d.finishedAt ? new Date(d.finishedAt) : null,
    external_id: d.externalId ?? null,
    rollback_of: d.rollbackOf ?? null,
    recorded_by: recordedBy,
    updated_at: now,
  };
}
