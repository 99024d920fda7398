import { Knex } from 'knex';

/** A column of a bulk insert and its PostgreSQL type (`text`, `timestamptz`, `boolean`, …). */
export type BulkColumn<Row> = { name: keyof Row & string; pgType: string };

const PG_ROWS_PER_STATEMENT = 5_000;
const ROWS_PER_STATEMENT = 500;

/** A text an array literal must escape: with a double quote or a backslash. */
const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal of text values (`{"a","b",NULL}`), the form `$1::text[]` parses; dates as ISO times.
 * Passed as one string so the query builder binds it as one value.
 */
export function pgArrayLiteral(values: unknown[]): string {
  // Written for hundreds of thousands of values per evaluation pass: a date object seen just before (rows of one
  // evaluation share it) is not formatted again, and a value without a quote or a backslash is not scanned twice.
  let lastDate: Date | undefined;
  let lastIso = '';
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) {
      out += 'NULL';
      continue;
    }
    let text: string;
    if (value instanceof Date) {
      if (value !== lastDate) {
        lastDate = value;
        lastIso = value.toISOString();
      }
      text = lastIso;
    } else {
      text = String(value);
    }
    out += NEEDS_ESCAPE.test(text)
      ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
      : `"${text}"`;
  }
  return `${out}}`;
}

/** Whether the database is PostgreSQL (the client named `pg` or `postgres…`). */
export function isPostgres(knex: Knex): boolean {
  return /^(pg|postgres)/.test(String(knex.client.config.client));
}

/**
 * Inserts many rows. On PostgreSQL each statement passes one array per column (`INSERT … SELECT * FROM
 * unnest($1::text[], …)`), so 5,000 rows cost a few values to bind instead of one per column and row (and PostgreSQL
 * parses arrays faster than JSON records); elsewhere multi-row INSERTs small enough for every parameter limit.
 * `upsert` merges the named columns on a conflict.
 */
export async function bulkInsert<Row extends Record<string, unknown>>(
  knex: Knex | Knex.Transaction,
  table: string,
  columns: BulkColumn<Row>[],
  rows: Row[],
  upsert?: { onConflict: string[]; merge: string[] },
): Promise<void> {
  if (rows.length === 0) return;
  if (!isPostgres(knex)) {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const query = knex(table).insert(rows.slice(i, i + ROWS_PER_STATEMENT));
      await (upsert
        ? query.onConflict(upsert.onConflict).merge(upsert.merge)
        : query);
    }
    return;
  }
  const id = (name: string) => knex.raw('??', [name]).toQuery();
  const names = columns.map(c => id(c.name)).join(', ');
  const arrays = columns.map(c => `?::${c.pgType}[]`).join(', ');
  const conflict = upsert
    ? ` ON CONFLICT (${upsert.onConflict
        .map(id)
        .join(', ')}) DO UPDATE SET ${upsert.merge
        .map(c => `${id(c)} = excluded.${id(c)}`)
        .join(', ')}`
    : '';
  const sql = `INSERT INTO ${id(
    table,
  )} (${names}) SELECT * FROM unnest(${arrays})${conflict}`;
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + PG_ROWS_PER_STATEMENT);
    await knex.raw(
      sql,
      columns.map(c => pgArrayLiteral(chunk.map(row => row[c.name]))),
    );
  }
}
