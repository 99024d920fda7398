// @ts-check

/**
 * Campaigns: one progress snapshot per campaign and day (the burn-up survives restarts), the reminders sent (one
 * per campaign, kind and day across replicas; the last nudge), and waivers that exempt an entity from a campaign.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_campaign_snapshots', table => {
    table.comment('The progress of a campaign on one day');
    table.string('campaign_id').notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.integer('total').notNullable();
    table.integer('done').notNullable();
    table.integer('exempt').notNullable();
    table.integer('not_measured').notNullable();
    table
      .text('teams')
      .notNullable()
      .comment('JSON: owner ref -> [total, done, exempt, notMeasured]');
    table.dateTime('recorded_at', { precision: 3, useTz: true }).notNullable();
    table.primary(['campaign_id', 'day']);
  });
  await knex.schema.createTable('readiness_campaign_reminders', table => {
    table.comment('Reminders of campaigns sent to the owners behind');
    table.string('campaign_id').notNullable();
    table
      .string('kind')
      .notNullable()
      .comment('digest, deadline-N (days before the target date) or nudge');
    table
      .string('day', 10)
      .notNullable()
      .comment('YYYY-MM-DD; empty for the nudge (one row: the last)');
    table.dateTime('sent_at', { precision: 3, useTz: true }).notNullable();
    table.string('sent_by').comment('Who nudged');
    table.text('recipients').comment('JSON list of owner refs');
    table.primary(['campaign_id', 'kind', 'day']);
  });
  await knex.schema.alterTable('readiness_waivers', table => {
    table
      .string('campaign_id')
      .comment('Set when the waiver exempts the entity from a campaign');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_waivers', table => {
    table.dropColumn('campaign_id');
  });
  await knex.schema.dropTable('readiness_campaign_reminders');
  await knex.schema.dropTable('readiness_campaign_snapshots');
};
