import { Knex } from 'knex';
import { TrackEvaluation } from '@internal/plugin-readiness-common';
import { toIsoString } from '../../database/dates';
import { CurrentStatus, ResultStore, resultKey, Transition } from './ResultStore';

type ResultRow = {
  entity_ref: string;
  track_id: string;
  gate_id: string;
  check_id: string;
  status: string;
  message: string;
  since: unknown;
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

const ENTITY_CHUNK = 200;
const WRITE_CHUNK = 400;

/** {@link ResultStore} in the plugin's database. */
export class DatabaseResultStore implements ResultStore {
  static create(knex: Knex): DatabaseResultStore {
    return new DatabaseResultStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async saveEvaluations(evaluations: TrackEvaluation[]): Promise<Transition[]> {
    const transitions: Transition[] = [];
    const byEntity = new Map<string, TrackEvaluation[]>();
    for (const e of evaluations) {
      byEntity.set(e.entityRef, [...(byEntity.get(e.entityRef) ?? []), e]);
    }
    const entityRefs = [...byEntity.keys()];
    for (let i = 0; i < entityRefs.length; i += ENTITY_CHUNK) {
      const chunk = entityRefs.slice(i, i + ENTITY_CHUNK);
      const existing = await this.knex<ResultRow>('readiness_results')
        .whereIn('entity_ref', chunk)
        .select('entity_ref', 'track_id', 'gate_id', 'check_id', 'status');
      const current = new Map(
        existing.map(r => [`${r.entity_ref}\u0000${resultKey(r.track_id, r.gate_id, r.check_id)}`, r.status]),
      );

      const upserts: ResultRow[] = [];
      const history: Omit<HistoryRow, 'id'>[] = [];
      for (const entityRef of chunk) {
        for (const evaluation of byEntity.get(entityRef)!) {
          const at = new Date(evaluation.evaluatedAt);
          const rows = evaluation.gates.flatMap(gate => [
            { gateId: gate.gateId, checkId: '', status: gate.status, message: gate.rootCauses.map(r => r.message).join('; ') },
            ...gate.checks.map(c => ({ gateId: gate.gateId, checkId: c.checkId, status: c.status, message: c.message })),
          ]);
          for (const row of rows) {
            const key = `${entityRef}\u0000${resultKey(evaluation.trackId, row.gateId, row.checkId)}`;
            const before = current.get(key);
            current.delete(key);
            if (before === row.status) continue;
            upserts.push({
              entity_ref: entityRef,
              track_id: evaluation.trackId,
              gate_id: row.gateId,
              check_id: row.checkId,
              status: row.status,
              message: row.message,
              since: at,
              evaluated_at: at,
            });
            history.push({
              entity_ref: entityRef,
              track_id: evaluation.trackId,
              gate_id: row.gateId,
              check_id: row.checkId,
              from_status: before ?? null,
              to_status: row.status,
              at,
            });
            transitions.push({
              entityRef,
              trackId: evaluation.trackId,
              gateId: row.gateId,
              checkId: row.checkId,
              ...(before ? { from: before } : {}),
              to: row.status,
              at: at.toISOString(),
            });
          }
        }
      }

      await this.knex.transaction(async tx => {
        for (let j = 0; j < upserts.length; j += WRITE_CHUNK) {
          await tx('readiness_results')
            .insert(upserts.slice(j, j + WRITE_CHUNK))
            .onConflict(['entity_ref', 'track_id', 'gate_id', 'check_id'])
            .merge(['status', 'message', 'since', 'evaluated_at']);
        }
        for (let j = 0; j < history.length; j += WRITE_CHUNK) {
          await tx('readiness_history').insert(history.slice(j, j + WRITE_CHUNK));
        }
        // Results of checks a track no longer has, for the tracks evaluated here.
        const stale = [...current.keys()]
          .map(k => k.split('\u0000'))
          .filter(([entityRef, key]) => byEntity.get(entityRef)!.some(e => key.startsWith(`${e.trackId}/`)));
        for (const [entityRef, key] of stale) {
          const [trackId, gateId, checkId] = key.split('/');
          await tx('readiness_results')
            .where({ entity_ref: entityRef, track_id: trackId, gate_id: gateId, check_id: checkId })
            .delete();
        }
      });
    }
    return transitions;
  }

  async current(entityRef: string): Promise<Map<string, CurrentStatus>> {
    const rows = await this.knex<ResultRow>('readiness_results').where({ entity_ref: entityRef });
    return new Map(
      rows.map(r => [resultKey(r.track_id, r.gate_id, r.check_id), { status: r.status, since: toIsoString(r.since) }]),
    );
  }

  async history(
    entityRef: string,
    options: { trackId?: string; limit: number; before?: string },
  ): Promise<Transition[]> {
    let query = this.knex<HistoryRow>('readiness_history')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(options.limit);
    if (options.trackId) query = query.where({ track_id: options.trackId });
    if (options.before) query = query.where('at', '<', new Date(options.before));
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
