import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { createDeploymentsFactSource } from './deploymentsFactSource';
import { demoDeployments, seedDemoDeployments } from './demoDeployments';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe.each(databases.eachSupportedId())(
  'demo deployments on %p',
  databaseId => {
    it('records the history once, and it tells the seed report: rag-api staging runs 1.3.0, no rollback rehearsed', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseDeploymentStore.create(knex);
      const now = new Date('2026-12-01T12:00:00Z');
      const logger = mockServices.logger.mock();

      const items = demoDeployments(now);
      expect(await seedDemoDeployments(store, logger, now)).toBe(items.length);
      // A restart a day later records nothing new.
      expect(
        await seedDemoDeployments(
          store,
          logger,
          new Date('2026-12-02T12:00:00Z'),
        ),
      ).toBe(0);

      const states = await store.states(['component:default/rag-api']);
      const staging = states
        .get('component:default/rag-api')!
        .find(s => s.environment === 'resource:default/rag-staging')!;
      expect(staging.latest).toMatchObject({
        version: '1.5.0-rc.2',
        status: 'failed',
      });
      expect(staging.lastSuccessful?.version).toBe('1.3.0');

      const facts = await createDeploymentsFactSource(store, {
        now: () => now,
      }).getFacts({
        entities: ['rag-api', 'rag-web'].map(component),
        types: [
          'deployments.rag-staging.rollbackExercised',
          'deployments.rag-staging.lastSuccessful',
          'deployments.rag-production.lastSuccessful',
        ],
      });
      const value = (name: string, type: string) =>
        facts.find(
          f => f.entityRef === `component:default/${name}` && f.type === type,
        )?.value;
      expect(
        value('rag-api', 'deployments.rag-staging.rollbackExercised'),
      ).toBe(false);
      expect(
        value('rag-web', 'deployments.rag-staging.lastSuccessful'),
      ).toEqual({
        version: '0.9.0',
        finishedAt: expect.any(String),
        ageDays: 14,
      });
      expect(
        value('rag-api', 'deployments.rag-production.lastSuccessful'),
      ).toBeNull();
    });
  },
);
