import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness-io/plugin-readiness-backend',
  'migrations',
);

/** Brings the plugin's tables up to date. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: migrationsDir,
    tableName: 'readiness_knex_migrations',
  });
}

/** Where the migrations live, for tests that step through them. */
export const migrationsDirectory = migrationsDir;
