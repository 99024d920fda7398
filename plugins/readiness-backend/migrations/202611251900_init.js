// @ts-check

/**
 * Evidence pushed by CI, attestations, waivers, current results and their transitions.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_evidence', table => {
    table.comment(
      'Facts pushed by CI about an entity (test results, coverage, scans, evaluation scores)',
    );
    table.uuid('id').primary();
    table.string('entity_ref').notNullable();
    table
      .string('type')
      .notNullable()
      .comment('The fact type, e.g. evidence.tests.oidc-login');
    table.text('value').notNullable().comment('JSON');
    table.string('commit_sha');
    table.text('url');
    table.dateTime('observed_at', { precision: 3, useTz: true }).notNullable();
    table.dateTime('recorded_at', { precision: 3, useTz: true }).notNullable();
    table.string('recorded_by').notNullable();
    table.string('external_id').comment('Makes repeated pushes idempotent');
    table.boolean('demo').notNullable().defaultTo(false);
    table.unique(['external_id'], {
      indexName: 'readiness_evidence_external_id_uq',
    });
    table.index(
      ['entity_ref', 'type', 'observed_at'],
      'readiness_evidence_latest_idx',
    );
  });

  await knex.schema.createTable('readiness_attestations', table => {
    table.comment('A person signing off a manual check');
    table.uuid('id').primary();
    table.string('entity_ref').notNullable();
    table.string('track_id').notNullable();
    table.string('gate_id').notNullable();
    table.string('check_id').notNullable();
    table.string('attested_by').notNullable();
    table.dateTime('attested_at', { precision: 3, useTz: true }).notNullable();
    table.dateTime('valid_until', { precision: 3, useTz: true }).notNullable();
    table.text('note');
    table.text('link');
    table.index(['entity_ref'], 'readiness_attestations_entity_idx');
  });

  await knex.schema.createTable('readiness_waivers', table => {
    table.comment('An exemption of one check for one entity');
    table.uuid('id').primary();
    table.string('entity_ref').notNullable();
    table.string('track_id').notNullable();
    table.string('gate_id').notNullable();
    table.string('check_id').notNullable();
    table.text('reason').notNullable();
    table.string('requested_by').notNullable();
    table.dateTime('requested_at', { precision: 3, useTz: true }).notNullable();
    table.dateTime('expires_at', { precision: 3, useTz: true }).notNullable();
    table.string('approved_by');
    table.dateTime('approved_at', { precision: 3, useTz: true });
    table.string('revoked_by');
    table.dateTime('revoked_at', { precision: 3, useTz: true });
    table.index(['entity_ref'], 'readiness_waivers_entity_idx');
  });

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

  await knex.schema.createTable('readiness_history', table => {
    table.comment(
      'Transitions of check and gate statuses; only changes are written',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref').notNullable();
    table.string('track_id').notNullable();
    table.string('gate_id').notNullable();
    table.string('check_id').notNullable();
    table.string('from_status');
    table.string('to_status').notNullable();
    table.dateTime('at', { precision: 3, useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'track_id', 'at'],
      'readiness_history_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_history');
  await knex.schema.dropTable('readiness_results');
  await knex.schema.dropTable('readiness_waivers');
  await knex.schema.dropTable('readiness_attestations');
  await knex.schema.dropTable('readiness_evidence');
};
