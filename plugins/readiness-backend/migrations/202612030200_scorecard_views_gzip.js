// @ts-check

/**
 * Scorecard views keep their answer compressed too, so a client that accepts gzip (browsers, Node's fetch) is sent
 * the stored bytes — about a ninth of the JSON — without compressing them on every request. The rows are kept; the
 * column is filled when a view is next computed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_views', table => {
    table
      .binary('body_gzip')
      .comment(
        'The body, gzip-compressed; null until computed, and once cleared',
      );
  });
  if (knex.client.config.client === 'pg') {
    // Already compressed: kept in the row (out of line only when it does not fit a page), not compressed again.
    await knex.raw(
      'ALTER TABLE readiness_scorecard_views ALTER COLUMN body_gzip SET STORAGE MAIN',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_scorecard_views', table => {
    table.dropColumn('body_gzip');
  });
};
