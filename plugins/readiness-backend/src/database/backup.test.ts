import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import knexFactory, { Knex } from 'knex';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { applyDatabaseMigrations, migrationsDirectory } from './migrations';
import { DatabaseEvidenceStore } from '../facts/evidence/DatabaseEvidenceStore';
import { seedDemoEvidence } from '../facts/evidence/demoEvidence';
import { DatabaseEnvironmentStore } from '../environments/DatabaseEnvironmentStore';
import { seedDemoEnvironments } from '../environments/demoEnvironments';
import { DatabaseDeploymentStore } from '../deployments/DatabaseDeploymentStore';
import { seedDemoDeployments } from '../deployments/demoDeployments';
import { DatabaseAttestationStore } from '../scorecards/attestations/DatabaseAttestationStore';
import { DatabaseScorecardViewStore } from '../scorecards/views/DatabaseScorecardViewStore';
import { DatabaseCampaignStore } from '../campaigns/DatabaseCampaignStore';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';

jest.setTimeout(120_000);

const run = promisify(execFile);
const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});
const connectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const scripts = path.join(targetPaths.rootDir, 'scripts');

/** Every row of every table of the plugin, sorted, as comparable JSON. */
async function contents(knex: Knex): Promise<Record<string, string[]>> {
  const tables: string[] = (
    await knex.raw(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).rows.map((r: { tablename: string }) => r.tablename);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    out[table] = (await knex(table).select())
      .map(row => JSON.stringify(row))
      .sort();
  }
  return out;
}

(connectionString ? describe : describe.skip)(
  'backup and restore of the plugin database (PostgreSQL; set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
  () => {
    const url = new URL(connectionString ?? 'postgresql://localhost');
    const env = {
      ...process.env,
      POSTGRES_HOST: url.hostname,
      POSTGRES_PORT: url.port || '5432',
      POSTGRES_USER: decodeURIComponent(url.username),
      POSTGRES_PASSWORD: decodeURIComponent(url.password),
    };
    const copyName = `readiness_restore_${Date.now()}`;
    let dir: string;
    let source: Knex;
    let copy: Knex | undefined;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-backup-'));
      source = await databases.init('POSTGRES_15');
      await applyDatabaseMigrations(source);
      const logger = mockServices.logger.mock();
      // A record in every store: the demo's evidence, environments and deployments, a sign-off and a waiver.
      await seedDemoEvidence(DatabaseEvidenceStore.create(source), logger);
      await seedDemoEnvironments(
        DatabaseEnvironmentStore.create(source),
        logger,
      );
      await seedDemoDeployments(DatabaseDeploymentStore.create(source), logger);
      await DatabaseAttestationStore.create(source).create({
        entityRef: 'component:default/rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'deployment-prepared',
        checkId: 'disaster-recovery-testing',
        attestedBy: 'user:default/maria.garcia',
        validUntil: '2027-02-23T00:00:00Z',
        note: 'Restored staging from last night’s backup',
      });
      await DatabaseWaiverStore.create(source).request({
        entityRef: 'component:default/rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'backend-verified',
        checkId: 'backend-coverage',
        reason: 'Coverage tooling moves to the new runner',
        requestedBy: 'user:default/sam.okafor',
        expiresAt: '2026-12-15T00:00:00Z',
      });
      const week = { total: 4, done: 0, notDone: 4, notMeasured: 0, exempt: 0 };
      await DatabaseCampaignStore.create(source).saveSnapshot({
        campaignId: 'rag-ready-for-production',
        day: '2026-11-30',
        progress: week,
        teams: { 'group:default/rag-team': week },
      });
      const views = DatabaseScorecardViewStore.create(source);
      await views.begin([
        { entityRef: 'component:default/rag-api', trackIds: ['rag'] },
      ]);
      await views.save([
        {
          entityRef: 'component:default/rag-api',
          generation: 0,
          tracksKey: 'k',
          computedAt: '2026-12-02T10:00:00Z',
          body: '{}',
          bodyGzip: gzipSync('{}'),
        },
      ]);
    });

    afterAll(async () => {
      await copy?.destroy();
      const admin = knexFactory({ client: 'pg', connection: connectionString });
      await admin.raw('DROP DATABASE IF EXISTS ??', [copyName]);
      await admin.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('backs up with pg_dump, restores into a fresh database, and finds every record', async () => {
      const database = (
        (source.client.config as Knex.Config).connection as { database: string }
      ).database;
      const dump = path.join(dir, 'readiness.dump');
      const backup = await run(
        path.join(scripts, 'readiness-db-backup.sh'),
        [dump, database],
        { env },
      );
      expect(backup.stdout).toMatch(
        /^backed up db[0-9a-f]+ to .*readiness\.dump \(\d+ tables with data, \d+ bytes\)/,
      );
      const restore = await run(
        path.join(scripts, 'readiness-db-restore.sh'),
        [dump, copyName],
        { env },
      );
      expect(restore.stdout).toContain(`restored ${dump} into ${copyName}`);

      copy = knexFactory({
        client: 'pg',
        connection: {
          host: env.POSTGRES_HOST,
          port: Number(env.POSTGRES_PORT),
          user: env.POSTGRES_USER,
          password: env.POSTGRES_PASSWORD,
          database: copyName,
        },
      });
      const before = await contents(source);
      const after = await contents(copy);
      // Every table, and every row of it.
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of [
        'readiness_evidence',
        'readiness_latest_facts',
        'readiness_environments',
        'readiness_deployments',
        'readiness_attestations',
        'readiness_waivers',
        'readiness_campaign_snapshots',
        'readiness_scorecard_views',
      ]) {
        expect([table, before[table].length > 0]).toEqual([table, true]);
      }
      expect(after).toEqual(before);
    });

    it('on the copy, the last migration rolls back and applies again, keeping every row', async () => {
      const config = {
        directory: migrationsDirectory,
        tableName: 'readiness_knex_migrations',
      };
      const before = await contents(copy!);
      const [, rolledBack] = await copy!.migrate.down(config);
      expect(rolledBack).toEqual(['202612030200_scorecard_views_gzip.js']);
      await copy!.migrate.latest(config);
      const after = await contents(copy!);
      for (const table of Object.keys(before)) {
        if (
          table === 'readiness_scorecard_views' ||
          table.startsWith('readiness_knex_migrations')
        )
          continue;
        expect([table, after[table]]).toEqual([table, before[table]]);
      }
      // The migration adds the views' compressed bodies: the views are kept, without them until computed again.
      const views = (rows: string[]) => rows.map(row => JSON.parse(row));
      const withoutGzip = (rows: string[]) =>
        views(rows).map(({ body_gzip: _gzip, ...row }) => row);
      expect(views(before.readiness_scorecard_views)[0].body_gzip).toBeTruthy();
      expect(views(after.readiness_scorecard_views)[0].body_gzip).toBeNull();
      expect(withoutGzip(after.readiness_scorecard_views)).toEqual(
        withoutGzip(before.readiness_scorecard_views),
      );
    });

    it('refuses a backup it cannot read, saying so', async () => {
      await expect(
        run(
          path.join(scripts, 'readiness-db-restore.sh'),
          [path.join(dir, 'missing.dump'), copyName],
          { env },
        ),
      ).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('cannot read'),
      });
    });
  },
);
