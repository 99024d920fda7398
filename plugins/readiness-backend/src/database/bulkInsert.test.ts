import { TestDatabases } from '@backstage/backend-test-utils';
import { bulkInsert, pgArrayLiteral } from './bulkInsert';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

type Row = { id: string; label: string | null; at: Date; n: string };

const columns = [
  { name: 'id' as const, pgType: 'text' },
  { name: 'label' as const, pgType: 'text' },
  { name: 'at' as const, pgType: 'timestamptz' },
  { name: 'n' as const, pgType: 'text' },
];

// Strings an array literal could get wrong: quotes, backslashes, separators, braces, the word NULL, blanks, unicode.
const awkward = [
  'plain',
  'with "quotes"',
  'back\\slash and \\"both\\"',
  'a,b,c',
  '{braces}',
  'NULL',
  '',
  '  padded  ',
  'line\nbreak\ttab',
  'ünïcödé ✓ 🚀',
  null,
];

describe('pgArrayLiteral', () => {
  it('quotes every value and writes NULL for null and undefined', () => {
    expect(pgArrayLiteral(['a', 'b"c', 'd\\e', null, undefined])).toBe(
      '{"a","b\\"c","d\\\\e",NULL,NULL}',
    );
    expect(pgArrayLiteral([new Date('2026-12-01T10:00:00Z')])).toBe(
      '{"2026-12-01T10:00:00.000Z"}',
    );
    // Rows of one evaluation share a date: each date is still written as itself.
    const first = new Date('2026-12-01T10:00:00Z');
    const second = new Date('2026-12-02T11:30:00.250Z');
    expect(pgArrayLiteral([first, first, second, 'x', second, first])).toBe(
      '{"2026-12-01T10:00:00.000Z","2026-12-01T10:00:00.000Z","2026-12-02T11:30:00.250Z","x","2026-12-02T11:30:00.250Z","2026-12-01T10:00:00.000Z"}',
    );
    expect(pgArrayLiteral([])).toBe('{}');
  });
});

describe.each(databases.eachSupportedId())('bulkInsert on %p', databaseId => {
  async function table() {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('bulk_rows', t => {
      t.string('id').primary();
      t.text('label');
      t.dateTime('at', { precision: 3, useTz: true }).notNullable();
      t.string('n').notNullable();
    });
    return knex;
  }

  it('stores every row as it was given, awkward strings and nulls included, across statements', async () => {
    const knex = await table();
    const at = new Date('2026-12-01T10:00:00.123Z');
    const rows: Row[] = Array.from({ length: 12_003 }, (_, i) => ({
      id: `row-${i}`,
      label: awkward[i % awkward.length],
      at: new Date(at.getTime() + i),
      n: String(i),
    }));
    await bulkInsert(knex, 'bulk_rows', columns, rows);

    const stored = await knex('bulk_rows').orderBy('id');
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(stored.map(r => [r.id, r]));
    for (const row of rows) {
      const got = byId.get(row.id);
      expect(got.label).toBe(row.label);
      expect(new Date(got.at).getTime()).toBe(row.at.getTime());
      expect(got.n).toBe(row.n);
    }
    await knex.destroy();
  });

  it('merges the named columns of rows that exist already (an upsert)', async () => {
    const knex = await table();
    const at = new Date('2026-12-01T10:00:00Z');
    await bulkInsert(knex, 'bulk_rows', columns, [
      { id: 'a', label: 'first', at, n: '1' },
      { id: 'b', label: 'first', at, n: '1' },
    ]);
    await bulkInsert(
      knex,
      'bulk_rows',
      columns,
      [
        { id: 'b', label: 'second', at, n: '2' },
        { id: 'c', label: 'new', at, n: '3' },
      ],
      { onConflict: ['id'], merge: ['label'] },
    );
    const stored = await knex('bulk_rows')
      .orderBy('id')
      .select('id', 'label', 'n');
    expect(stored).toEqual([
      { id: 'a', label: 'first', n: '1' },
      { id: 'b', label: 'second', n: '1' },
      { id: 'c', label: 'new', n: '3' },
    ]);
    await knex.destroy();
  });

  it('does nothing for no rows', async () => {
    const knex = await table();
    await bulkInsert(knex, 'bulk_rows', columns, []);
    expect(Number((await knex('bulk_rows').count({ c: '*' }))[0].c)).toBe(0);
    await knex.destroy();
  });
});
