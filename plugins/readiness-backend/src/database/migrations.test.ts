import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const migrationFiles = fs.readdirSync(migrationsDirectory).filter(f => f.endsWith('.js')).sort();
const config = { directory: migrationsDirectory, tableName: 'readiness_knex_migrations' };

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('step up one at a time, keep the rows written along the way, and step all the way down', async () => {
    const knex = await databases.init(databaseId);
    expect(migrationFiles[0]).toBe('202611251900_init.js');

    await knex.migrate.up({ ...config, name: migrationFiles[0] });
    await knex('readiness_evidence').insert({
      id: '6f1c1a52-8f3e-4e59-9a43-2f4b5f7f0a01',
      entity_ref: 'component:default/rag-api',
      type: 'evidence.tests.oidc-login',
      value: '{"status":"failed"}',
      observed_at: new Date('2026-11-24T10:00:00Z'),
      recorded_at: new Date('2026-11-24T10:00:01Z'),
      recorded_by: 'ci',
    });
    for (const file of migrationFiles.slice(1)) {
      await knex.migrate.up({ ...config, name: file });
      // Every later migration keeps the evidence written before it.
      expect(Number((await knex('readiness_evidence').count({ n: '*' }))[0].n)).toBe(1);
    }
    expect(Number((await knex('readiness_evidence').count({ n: '*' }))[0].n)).toBe(1);

    for (let i = 0; i < migrationFiles.length; i++) {
      await knex.migrate.down(config);
    }
    for (const table of ['readiness_evidence', 'readiness_attestations', 'readiness_waivers', 'readiness_results', 'readiness_history']) {
      expect([table, await knex.schema.hasTable(table)]).toEqual([table, false]);
    }
    await knex.migrate.latest(config);
    expect(await knex.schema.hasTable('readiness_history')).toBe(true);
  });
});
