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
    /** Rows whose externalId starts with `prefix`, and how many distinct externalIds they have. */
    const counted = async (table: string, prefix: string) => {
      const [{ n, d }] = (await knex(table)
        .where('external_id', 'like', `${prefix}-%`)
        .select(
          knex.raw('count(*) as n'),
          knex.raw('count(distinct external_id) as d'),
        )) as any;
      return [Number(n), Number(d)];
    };
    await untilStill('readiness_deployments');
    [rows, distinct] = await counted('readiness_deployments', 'bench');
    [batchRows, batchDistinct] = await counted(
      'readiness_deployments',
      'batch',
    );
    await untilStill('readiness_evidence');
    [evidenceRows, evidenceDistinct] = await counted(
      'readiness_evidence',
      'evbench',
    );
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
