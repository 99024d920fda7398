import { Knex } from 'knex';
import { ReadinessEnvironment } from '@readiness-io/plugin-readiness-common';
import { toIsoString } from '../database/dates';
import { groupedReads } from '../database/groupedCalls';
import { EnvironmentStore, NewEnvironment } from './EnvironmentStore';

type Row = {
  entity_ref: string;
  system_ref: string;
  tier: string;
  status: 'active' | 'decommissioned';
  recorded_by: string;
  recorded_at: unknown;
  task_id: string | null;
  decommissioned_by: string | null;
  decommissioned_at: unknown;
};

const TABLE = 'readiness_environments';

/**
 * The environments registry in the plugin's database: which environment Resources exist for which System, with
 * their tier. Refs are stored in lower case. Decommissioned environments are kept (who and when), not deleted.
 */
export class DatabaseEnvironmentStore implements EnvironmentStore {
  static create(knex: Knex) {
    return new DatabaseEnvironmentStore(knex);
  }

  /** Every deployment reads its environment's status: concurrent reads are one query. */
  private readonly reads = groupedReads(
    refs => this.knex<Row>(TABLE).whereIn('entity_ref', refs),
    row => row.entity_ref,
  );

  private constructor(private readonly knex: Knex) {}

  async get(entityRef: string): Promise<ReadinessEnvironment | undefined> {
    const row = await this.reads.call(entityRef);
    return row ? fromRow(row) : undefined;
  }

  /**
   * Records an active environment: inserts it, or makes a decommissioned one active again with the new system, tier
   * and recorder. `created` is false (and nothing changes) when it already is active; the caller decides whether a
   * different system or tier is a conflict.
   */
  async record(
    env: NewEnvironment,
  ): Promise<{ environment: ReadinessEnvironment; created: boolean }> {
    const row = {
      entity_ref: env.entityRef,
      system_ref: env.systemRef,
      tier: env.tier,
      status: 'active' as const,
      recorded_by: env.recordedBy,
      recorded_at: env.recordedAt,
      task_id: env.taskId ?? null,
      decommissioned_by: null,
      decommissioned_at: null,
    };
    // Each write is conditional, so of two concurrent calls exactly one creates or reactivates it.
    const inserted = await this.knex<Row>(TABLE)
      .insert(row)
      .onConflict('entity_ref')
      .ignore()
      .returning('entity_ref');
    let created = inserted.length > 0;
    if (!created) {
      created =
        (await this.knex<Row>(TABLE)
          .where({ entity_ref: env.entityRef, status: 'decommissioned' })
          .update(row)) > 0;
    }
    return { environment: (await this.get(env.entityRef))!, created };
  }

  /** Marks an environment decommissioned (kept as it was when it already is); undefined when it was never recorded. */
  async decommission(
    entityRef: string,
    by: string,
    at: Date,
  ): Promise<ReadinessEnvironment | undefined> {
    await this.knex<Row>(TABLE)
      .where({ entity_ref: entityRef, status: 'active' })
      .update({
        status: 'decommissioned',
        decommissioned_by: by,
        decommissioned_at: at,
      });
    return this.get(entityRef);
  }

  /** Environments, by name; active ones unless asked otherwise; of the given systems when given. */
  async list(
    options: { systemRefs?: string[]; includeDecommissioned?: boolean } = {},
  ): Promise<ReadinessEnvironment[]> {
    let query = this.knex<Row>(TABLE);
    if (options.systemRefs) {
      if (options.systemRefs.length === 0) return [];
      query = query.whereIn('system_ref', options.systemRefs);
    }
    if (!options.includeDecommissioned) query = query.where('status', 'active');
    return (await query.orderBy('entity_ref')).map(fromRow);
  }
}

function fromRow(row: Row): ReadinessEnvironment {
  return {
    entityRef: row.entity_ref,
    systemRef: row.system_ref,
    tier: row.tier,
    status: row.status,
    recordedBy: row.recorded_by,
    recordedAt: toIsoString(row.recorded_at),
    ...(row.task_id ? { taskId: row.task_id } : {}),
    ...(row.decommissioned_by
      ? { decommissionedBy: row.decommissioned_by }
      : {}),
    ...(row.decommissioned_at
      ? { decommissionedAt: toIsoString(row.decommissioned_at) }
      : {}),
  };
}
