import { Knex } from 'knex';

/** Rows of `table` whose `column` is one of `values`, queried in chunks that stay under every database's parameter limit. */
export async function selectWhereIn<Row extends {}>(
  knex: Knex,
  table: string,
  column: string,
  values: string[],
  orderBy: { column: string; order: 'asc' | 'desc' },
  chunkSize = 500,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < values.length; i += chunkSize) {
    rows.push(
      ...((await knex(table)
        .whereIn(column, values.slice(i, i + chunkSize))
        .orderBy(orderBy.column, orderBy.order)) as Row[]),
    );
  }
  return rows;
}
