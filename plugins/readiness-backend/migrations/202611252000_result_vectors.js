// @ts-check

/**
 * Current results move from one row per check (readiness_results) to one row per entity and track
 * (readiness_result_vectors) holding every gate's and check's status and since-when as JSON objects keyed by
 * `gateId/checkId` (`gateId/` for the gate itself). A full re-evaluation then reads one row per entity and track
 * instead of one per check. Existing results are carried over; `down` splits them back into rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_result_vectors', table => {
    table.comment(
      'The current status of every gate and check of one track for one entity',
    );
    table.string('entity_ref').notNullable();
    table.string('track_id').notNullable();
    table
      .text('statuses')
      .notNullable()
      .comment('JSON: { "gateId/checkId": status }, "gateId/" for the gate');
    table
      .text('since')
      .notNullable()
      .comment('JSON: { "gateId/checkId": ISO time the status began }');
    table.dateTime('evaluated_at', { precision: 3, useTz: true }).notNullable();
    table.primary(['entity_ref', 'track_id']);
  });

  const rows = await knex('readiness_results').select();
  const vectors = new Map();
  for (const row of rows) {
    const id = `${row.entity_ref}\u0000${row.track_id}`;
    if (!vectors.has(id)) {
      vectors.set(id, {
        entity_ref: row.entity_ref,
        track_id: row.track_id,
        statuses: {},
        since: {},
        evaluated_at: row.evaluated_at,
      });
    }
    const v = vectors.get(id);
    const key = `${row.gate_id}/${row.check_id}`;
    v.statuses[key] = row.status;
    v.since[key] = new Date(row.since).toISOString();
    if (new Date(row.evaluated_at) > new Date(v.evaluated_at))
      v.evaluated_at = row.evaluated_at;
  }
  const inserts = [...vectors.values()].map(v => ({
    ...v,
    statuses: JSON.stringify(v.statuses),
    since: JSON.stringify(v.since),
    evaluated_at: new Date(v.evaluated_at),
  }));
  for (let i = 0; i < inserts.length; i += 100) {
    await knex('readiness_result_vectors').insert(inserts.slice(i, i + 100));
  }
  await knex.schema.dropTable('readiness_results');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('readiness_results', table => {
    table.comment(
      'The current status of every check and gate (check_id is empty for the gate itself)',
    );
    table.string('entity_ref').notNullable();
    table.string('track_id').notNullable();
    table.string('gate_id').notNullable();
    table.string('check_id').notNullable();
    table.string('status').notNullable();
    table.text('message').notNullable();
    table.dateTime('since', { precision: 3, useTz: true }).notNullable();
    table.dateTime('evaluated_at', { precision: 3, useTz: true }).notNullable();
    table.primary(['entity_ref', 'track_id', 'gate_id', 'check_id']);
  });
  const vectors = await knex('readiness_result_vectors').select();
  const rows = [];
  for (const v of vectors) {
    const statuses = JSON.parse(v.statuses);
    const since = JSON.parse(v.since);
    for (const [key, status] of Object.entries(statuses)) {
      const slash = key.indexOf('/');
      rows.push({
        entity_ref: v.entity_ref,
        track_id: v.track_id,
        gate_id: key.slice(0, slash),
        check_id: key.slice(slash + 1),
        status,
        message: '',
        since: new Date(since[key]),
        evaluated_at: new Date(v.evaluated_at),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 100) {
    await knex('readiness_results').insert(rows.slice(i, i + 100));
  }
  await knex.schema.dropTable('readiness_result_vectors');
};
