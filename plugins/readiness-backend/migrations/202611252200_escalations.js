// @ts-check

/**
 * Escalations raised from the portal: the audit trail of who paged whom, and what the per-user rate limit counts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_escalations', table => {
    table.comment('An escalation of the on-call of an entity');
    table.uuid('id').primary();
    table.string('entity_ref').notNullable();
    table
      .string('provider')
      .notNullable()
      .comment('oncall-as-code, pagerduty, or the provider id of a module');
    table.integer('level').notNullable();
    table.text('reason').notNullable();
    table
      .string('actor')
      .notNullable()
      .comment('User entity ref of who escalated');
    table
      .text('notified')
      .notNullable()
      .comment('JSON list of the user refs notified');
    table
      .string('external_id')
      .comment('What the provider created, e.g. a PagerDuty dedup key');
    table.text('message').notNullable();
    table.dateTime('created_at', { precision: 3, useTz: true }).notNullable();
    table.index(['actor', 'created_at'], 'readiness_escalations_actor_idx');
    table.index(
      ['entity_ref', 'created_at'],
      'readiness_escalations_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_escalations');
};
