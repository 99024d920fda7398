// Counting what bench:deployments wrote: on PostgreSQL exactly, from the table once it is still; on SQLite (in
// memory, in the backend's process) an estimate from the API.
import knexFactory from 'knex';
import { DbSettings } from './backend';

export type RowCounts = {
  rows: number;
  distinct: number;
  batchRows: number;
  batchDistinct: number;
  evidenceRows: number;
  evidenceDistinct: number;
  /** False on SQLite, where only an estimate of the single-event rows is available. */
  exact: boolean;
};

export async function countRows(
  db: DbSettings,
  base: string,
  auth: Record<string, string>,
): Promise<RowCounts> {
  const knex = db.countConnection
    ? knexFactory({
        client: 'pg',
        connection: db.countConnection,
        searchPath: ['readiness'],
      })
    : undefined;
  let rows = -1;
  let distinct = -1;
  let batchRows = -1;
  let batchDistinct = -1;
  let evidenceRows = -1;
  let evidenceDistinct = -1;
  if (knex) {
    // Requests in flight when the load tool stopped are still being written: count once the table is still.
    const untilStill = async (table: string) => {
      for (let previous = -1; ; ) {
        const [{ n }] = (await knex(table).count({ n: '*' })) as any;
        if (Number(n) === previous) return;
        previous = Number(n);
        await new Promise(r => setTimeout(r, 1000));
      }
    };
    await untilStill('readiness_deployments');
    [{ n: rows }] = (await knex('readiness_deployments')
      .where('external_id', 'like', 'bench-%')
      .count({ n: '*' })) as any;
    [{ n: distinct }] = (await knex('readiness_deployments')
      .where('external_id', 'like', 'bench-%')
      .countDistinct({ n: 'external_id' })) as any;
    [{ n: batchRows }] = (await knex('readiness_deployments')
      .where('external_id', 'like', 'batch-%')
      .count({ n: '*' })) as any;
    [{ n: batchDistinct }] = (await knex('readiness_deployments')
      .where('external_id', 'like', 'batch-%')
      .countDistinct({ n: 'external_id' })) as any;
    await untilStill('readiness_evidence');
    [{ n: evidenceRows }] = (await knex('readiness_evidence')
      .where('external_id', 'like', 'evbench-%')
      .count({ n: '*' })) as any;
    [{ n: evidenceDistinct }] = (await knex('readiness_evidence')
      .where('external_id', 'like', 'evbench-%')
      .countDistinct({ n: 'external_id' })) as any;
    await knex.destroy();
  } else {
    const list = await fetch(
      `${base}/api/readiness/deployments/component/default/rag-api?limit=1`,
      { headers: auth },
    ).then(r => r.json());
    rows = list.total * 4; // four entities in round robin; an estimate only on SQLite
    distinct = rows;
  }
  return {
    rows: Number(rows),
    distinct: Number(distinct),
    batchRows: Number(batchRows),
    batchDistinct: Number(batchDistinct),
    evidenceRows: Number(evidenceRows),
    evidenceDistinct: Number(evidenceDistinct),
    exact: Boolean(knex),
  };
}
