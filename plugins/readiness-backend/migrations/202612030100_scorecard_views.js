// @ts-check

/**
 * Scorecard views: each entity's scorecard as last evaluated in full, so a scorecard is answered with one query.
 * A view is served only while its generation is the one it was computed at (every change of the entity's inputs
 * bumps the generation and clears the body), the loaded tracks are the same, and it is younger than the
 * configured age.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_scorecard_views', table => {
    table.comment('The scorecard of each entity as last evaluated in full');
    table.string('entity_ref').primary().notNullable();
    table
      .bigInteger('generation')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Bumped by every change of the inputs; a save names the one it read',
      );
    table.string('system_ref').comment('The System of the entity, if any');
    table
      .text('track_ids')
      .notNullable()
      .comment(',a,b, — the tracks that apply (to clear views of a track)');
    table
      .string('tracks_key')
      .comment('Which loaded track definitions the body was computed with');
    table
      .string('entity_etag')
      .comment('The catalog etag it was computed from');
    table.dateTime('computed_at', { precision: 3, useTz: true });
    table.text('body').comment('JSON; null until computed, and once cleared');
    table.index(['system_ref'], 'readiness_scorecard_views_system_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_scorecard_views');
};
