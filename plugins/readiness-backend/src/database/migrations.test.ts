import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const migrationFiles = fs
  .readdirSync(migrationsDirectory)
  .filter(f => f.endsWith('.js'))
  .sort();
const config = {
  directory: migrationsDirectory,
  tableName: 'readiness_knex_migrations',
};

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
    // A current result as the first schema stored it: one row per check.
    for (const [checkId, status] of [
      ['', 'failed'],
      ['oidc-login', 'fail'],
    ]) {
      await knex('readiness_results').insert({
        entity_ref: 'component:default/rag-api',
        track_id: 'rag-production-readiness',
        gate_id: 'backend-verified',
        check_id: checkId,
        status,
        message: 'login failed',
        since: new Date('2026-11-22T09:00:00Z'),
        evaluated_at: new Date('2026-11-24T09:00:00Z'),
      });
    }

    await knex.migrate.up({ ...config, name: migrationFiles[1] });
    expect(migrationFiles[1]).toBe('202611252000_result_vectors.js');
    expect(
      Number((await knex('readiness_evidence').count({ n: '*' }))[0].n),
    ).toBe(1);
    const [vector] = await knex('readiness_result_vectors').select();
    expect(JSON.parse(vector.statuses)).toEqual({
      'backend-verified/': 'failed',
      'backend-verified/oidc-login': 'fail',
    });
    expect(JSON.parse(vector.since)['backend-verified/oidc-login']).toBe(
      '2026-11-22T09:00:00.000Z',
    );
    expect(await knex.schema.hasTable('readiness_results')).toBe(false);

    await knex.migrate.up({ ...config, name: migrationFiles[2] });
    expect(migrationFiles[2]).toBe('202611252030_latest_facts.js');
    const [latest] = await knex('readiness_latest_facts').select();
    expect(latest.entity_ref).toBe('component:default/rag-api');
    expect(JSON.parse(latest.facts)).toEqual({
      'evidence.tests.oidc-login': {
        value: { status: 'failed' },
        observedAt: '2026-11-24T10:00:00.000Z',
        recordedAt: '2026-11-24T10:00:01.000Z',
      },
    });

    for (const file of migrationFiles.slice(3)) {
      await knex.migrate.up({ ...config, name: file });
      expect(
        Number((await knex('readiness_evidence').count({ n: '*' }))[0].n),
      ).toBe(1);
    }

    // Stepping back down splits the vector into rows again.
    for (let i = 1; i < migrationFiles.length; i++)
      await knex.migrate.down(config);
    const rows = await knex('readiness_results')
      .orderBy('check_id')
      .select('check_id', 'status');
    expect(rows).toEqual([
      { check_id: '', status: 'failed' },
      { check_id: 'oidc-login', status: 'fail' },
    ]);
    await knex.migrate.down(config);
    for (const table of [
      'readiness_evidence',
      'readiness_attestations',
      'readiness_waivers',
      'readiness_results',
      'readiness_history',
      'readiness_result_vectors',
      'readiness_latest_facts',
    ]) {
      expect([table, await knex.schema.hasTable(table)]).toEqual([
        table,
        false,
      ]);
    }
    await knex.migrate.latest(config);
    expect(await knex.schema.hasTable('readiness_result_vectors')).toBe(true);
  });
});
