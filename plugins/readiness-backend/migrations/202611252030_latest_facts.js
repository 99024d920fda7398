// @ts-check

/**
 * The latest evidence of every type per entity, one row per entity (JSON keyed by fact type), kept up to date as
 * evidence arrives. Evaluating reads this instead of the whole evidence history, which only grows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_latest_facts', table => {
    table.comment('The latest evidence of each type for one entity');
    table.string('entity_ref').primary();
    table
      .text('facts')
      .notNullable()
      .comment(
        'JSON: { type: { value, observedAt, recordedAt, url?, commitSha? } }',
      );
  });

  const rows = await knex('readiness_evidence').select(
    'entity_ref',
    'type',
    'value',
    'observed_at',
    'recorded_at',
    'url',
    'commit_sha',
  );
  /** @param {unknown} v */
  const ms = v => {
    if (v instanceof Date) return v.getTime();
    if (typeof v === 'number') return v;
    return Date.parse(String(v));
  };
  const byEntity = new Map();
  for (const row of rows) {
    const facts = byEntity.get(row.entity_ref) ?? {};
    const current = facts[row.type];
    const observed = ms(row.observed_at);
    const recorded = ms(row.recorded_at);
    if (
      !current ||
      observed > ms(current.observedAt) ||
      (observed === ms(current.observedAt) && recorded > ms(current.recordedAt))
    ) {
      facts[row.type] = {
        value: JSON.parse(row.value),
        observedAt: new Date(observed).toISOString(),
        recordedAt: new Date(recorded).toISOString(),
        ...(row.url ? { url: row.url } : {}),
        ...(row.commit_sha ? { commitSha: row.commit_sha } : {}),
      };
    }
    byEntity.set(row.entity_ref, facts);
  }
  const inserts = [...byEntity].map(([entity_ref, facts]) => ({
    entity_ref,
    facts: JSON.stringify(facts),
  }));
  for (let i = 0; i < inserts.length; i += 100) {
    await knex('readiness_latest_facts').insert(inserts.slice(i, i + 100));
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_latest_facts');
};
