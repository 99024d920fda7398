import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { applyDatabaseMigrations } from '../database/migrations';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { DatabaseEnvironmentStore } from './DatabaseEnvironmentStore';
import { EnvironmentService } from './EnvironmentService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const scaffolder = mockCredentials.service('plugin:scaffolder');
const maria = mockCredentials.user('user:default/maria.garcia');
const staging = { namespace: 'default', name: 'rag-staging' };

describe.each(databases.eachSupportedId())('EnvironmentService on %p', id => {
  const setUp = async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const changes: string[] = [];
    const entities = demoEntities();
    const service = EnvironmentService.create({
      catalog: EntityCatalog.create({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
      }),
      store: DatabaseEnvironmentStore.create(knex),
      onChange: systemRef => void changes.push(systemRef),
    });
    const ragApi = entities.find(e => e.metadata.name === 'rag-api')!;
    return { service, changes, ragApi };
  };

  it('records for the person a service names, but a person only as themselves; a System must exist', async () => {
    const { service, changes } = await setUp();
    const request = {
      system: 'rag-platform',
      tier: 'staging',
      requestedBy: 'user:default/li.wei',
    };
    const first = await service.record(staging, request, scaffolder);
    expect(first).toMatchObject({
      created: true,
      environment: {
        entityRef: 'resource:default/rag-staging',
        systemRef: 'system:default/rag-platform',
        recordedBy: 'user:default/li.wei',
      },
    });
    expect(changes).toEqual(['system:default/rag-platform']);
    const other = { namespace: 'default', name: 'rag-dev' };
    expect(
      (await service.record(other, { ...request, tier: 'dev' }, maria))
        .environment.recordedBy,
    ).toBe('user:default/maria.garcia');
    await expect(
      service.record(staging, { ...request, system: 'nope' }, scaffolder),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'system: no System system:default/nope in the catalog',
    });
  });

  it('is idempotent for the same system and tier, and a conflict for another until decommissioned', async () => {
    const { service, changes } = await setUp();
    const request = { system: 'rag-platform', tier: 'staging' };
    await service.record(staging, request, scaffolder);
    expect((await service.record(staging, request, scaffolder)).created).toBe(
      false,
    );
    await expect(
      service.record(staging, { ...request, tier: 'production' }, scaffolder),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await service.decommission(staging, {}, scaffolder);
    expect(
      (
        await service.record(
          staging,
          { ...request, tier: 'production' },
          scaffolder,
        )
      ).environment.tier,
    ).toBe('production');
    expect(changes).toHaveLength(3);
    await expect(
      service.decommission(
        { namespace: 'default', name: 'never' },
        {},
        scaffolder,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('takes deployments to environment Resources, but not to one the registry says was decommissioned', async () => {
    const { service, ragApi } = await setUp();
    const resolved = await service.resolveForDeployment(
      'rag-staging',
      ragApi,
      scaffolder,
    );
    expect(resolved.metadata.name).toBe('rag-staging');
    await expect(
      service.resolveForDeployment('rag-api', ragApi, scaffolder),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^environment: /),
    });
    await service.record(
      staging,
      { system: 'rag-platform', tier: 'staging' },
      scaffolder,
    );
    await service.decommission(staging, {}, scaffolder);
    await expect(
      service.resolveForDeployment('rag-staging', ragApi, scaffolder),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('was decommissioned'),
    });
    expect(
      (await service.environmentsOf(ragApi, scaffolder)).map(
        e => e.metadata.name,
      ),
    ).not.toContain('rag-staging');
  });
});
