// @ts-check

/**
 * Deployments recorded by CI (or by a rollback from the portal).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_deployments', table => {
    table.comment('A deployment of an entity to an environment');
    table.uuid('id').primary();
    table.string('entity_ref').notNullable();
    table
      .string('environment')
      .notNullable()
      .comment('Entity ref of the environment Resource');
    table.string('version').notNullable();
    table
      .string('status')
      .notNullable()
      .comment('in_progress | succeeded | failed | rolled_back');
    table.string('actor');
    table.string('commit_sha');
    table.text('url');
    table.dateTime('started_at', { precision: 3, useTz: true }).notNullable();
    table.dateTime('finished_at', { precision: 3, useTz: true });
    table
      .string('external_id')
      .comment(
        'Makes ingestion idempotent: the same externalId updates the same record',
      );
    table.uuid('rollback_of').comment('The deployment this one rolled back');
    table.string('recorded_by').notNullable();
    table.dateTime('updated_at', { precision: 3, useTz: true }).notNullable();
    table.unique(['external_id'], {
      indexName: 'readiness_deployments_external_id_uq',
    });
    table.index(
      ['entity_ref', 'environment', 'started_at'],
      'readiness_deployments_entity_env_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_deployments');
};
