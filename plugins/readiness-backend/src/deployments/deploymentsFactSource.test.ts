import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { createDeploymentsFactSource } from './deploymentsFactSource';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rag-api', namespace: 'default' },
  spec: {},
};
const api = 'component:default/rag-api';
const staging = 'resource:default/rag-staging';

describe('deployments fact source', () => {
  it('reports the last successful deployment and its age, the failure rate, and whether a rollback was exercised', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const store = DatabaseDeploymentStore.create(knex);
    const source = createDeploymentsFactSource(store, {
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    const facts = async (types: string[]) =>
      Object.fromEntries(
        (await source.getFacts({ entities: [entity], types })).map(f => [
          f.type,
          f.value,
        ]),
      );

    expect(
      await facts([
        'deployments.rag-staging.lastSuccessful',
        'deployments.rag-staging.failureRate',
        'deployments.rag-staging.rollbackExercised',
      ]),
    ).toEqual({
      'deployments.rag-staging.lastSuccessful': null,
      'deployments.rag-staging.failureRate': null,
      'deployments.rag-staging.rollbackExercised': false,
    });

    const rows = [
      ['1.0.0', 'succeeded', '2026-11-20T10:00:00Z'],
      ['1.1.0', 'failed', '2026-11-21T10:00:00Z'],
      ['1.1.1', 'succeeded', '2026-11-22T10:00:00Z'],
      ['1.2.0', 'in_progress', '2026-11-25T11:00:00Z'],
    ] as const;
    for (const [version, status, startedAt] of rows) {
      await store.record(
        {
          entityRef: api,
          environment: staging,
          version,
          status,
          startedAt,
          ...(status !== 'in_progress' ? { finishedAt: startedAt } : {}),
        },
        'ci',
      );
    }
    const target = (await store.list([api], { limit: 1, offset: 1 })).items[0];
    await store.record(
      {
        entityRef: api,
        environment: staging,
        version: '1.0.0',
        status: 'succeeded',
        startedAt: '2026-11-23T10:00:00Z',
        finishedAt: '2026-11-23T10:02:00Z',
        rollbackOf: target.id,
      },
      'ci',
    );

    expect(
      await facts([
        'deployments.rag-staging.lastSuccessful',
        'deployments.rag-staging.failureRate',
        'deployments.rag-staging.rollbackExercised',
        'deployments.rag-production.lastSuccessful',
        'deployments.bogus',
      ]),
    ).toEqual({
      'deployments.rag-staging.lastSuccessful': {
        version: '1.0.0',
        finishedAt: '2026-11-23T10:02:00.000Z',
        ageDays: 2,
      },
      'deployments.rag-staging.failureRate': 0.25,
      'deployments.rag-staging.rollbackExercised': true,
      'deployments.rag-production.lastSuccessful': null,
    });
  });
});
