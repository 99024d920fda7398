// @ts-check

/**
 * The environments registry: which environments exist for which System (recorded by the scaffolder's provision and
 * decommission actions, or by whoever provisions environments another way). Environment-scoped gates apply to a
 * system's components once an active environment of that tier or name is recorded here.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_environments', table => {
    table.comment('An environment recorded with the readiness backend');
    table
      .string('entity_ref')
      .primary()
      .comment('The environment Resource, e.g. resource:default/rag-staging');
    table.string('system_ref').notNullable().comment('The System it serves');
    table
      .string('tier')
      .notNullable()
      .comment('dev, staging, production or another tier the tracks name');
    table.string('status').notNullable().comment('active or decommissioned');
    table.string('recorded_by').notNullable();
    table.dateTime('recorded_at', { precision: 3, useTz: true }).notNullable();
    table.string('task_id').comment('The scaffolder task that provisioned it');
    table.string('decommissioned_by');
    table.dateTime('decommissioned_at', { precision: 3, useTz: true });
    table.index(['system_ref', 'status'], 'readiness_environments_system_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_environments');
};
