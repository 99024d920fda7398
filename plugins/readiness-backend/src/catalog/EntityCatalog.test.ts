import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityCatalog } from './EntityCatalog';

const component = (
  name: string,
  spec: Record<string, unknown>,
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'rag', namespace: 'default' },
    spec: { owner: 'team-a' },
  },
  // Named by name, by full ref, and in another case: all three belong to system:default/rag.
  component('rag-web', { system: 'rag' }),
  component('rag-api', { system: 'system:default/rag' }),
  component('rag-ingestion', { system: 'RAG' }),
  // Another System of the same name in another namespace, and a Component of no System.
  component('billing', { system: 'system:finance/rag' }),
  component('loner', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'rag-db', namespace: 'default' },
    spec: { type: 'database', owner: 'team-a', system: 'rag' },
  },
];

describe('EntityCatalog', () => {
  const credentials = mockCredentials.user();
  const create = () => {
    const catalog = catalogServiceMock({ entities });
    const lookups = jest.spyOn(catalog, 'getEntityByRef');
    return {
      entityCatalog: EntityCatalog.create({
        catalog,
        auth: mockServices.auth(),
      }),
      lookups,
    };
  };

  it('finds an entity by ref, and answers 404 in words when there is none', async () => {
    const { entityCatalog } = create();
    const entity = await entityCatalog.getEntity(
      'component:default/rag-api',
      credentials,
    );
    expect(entity.metadata.name).toBe('rag-api');
    await expect(
      entityCatalog.getEntity('component:default/nope', credentials),
    ).rejects.toThrow(
      new NotFoundError('No entity component:default/nope in the catalog'),
    );
    await expect(
      entityCatalog.findEntity('component:default/nope', credentials),
    ).resolves.toBeUndefined();
  });

  it('reuses a cached lookup only when asked to', async () => {
    const { entityCatalog, lookups } = create();
    for (let i = 0; i < 3; i++)
      await entityCatalog.getEntity('component:default/rag-api', credentials, {
        cached: true,
      });
    expect(lookups).toHaveBeenCalledTimes(1);
    await entityCatalog.getEntity('component:default/rag-api', credentials);
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('answers 404 for a System ref that names an entity of another kind', async () => {
    const { entityCatalog } = create();
    await expect(
      entityCatalog.getSystem('system:default/rag', credentials),
    ).resolves.toMatchObject({ kind: 'System' });
    await expect(
      entityCatalog.getSystem('component:default/rag-api', credentials),
    ).rejects.toThrow('component:default/rag-api is not a System');
  });

  it("lists a System's entities however spec.system names it, sorted, of one kind when asked", async () => {
    const { entityCatalog } = create();
    const names = (list: Entity[]) => list.map(e => e.metadata.name);
    expect(
      names(
        await entityCatalog.entitiesOfSystem('system:default/rag', credentials),
      ),
    ).toEqual(['rag-api', 'rag-db', 'rag-ingestion', 'rag-web']);
    expect(
      names(
        await entityCatalog.entitiesOfSystem(
          'system:default/rag',
          credentials,
          'Component',
        ),
      ),
    ).toEqual(['rag-api', 'rag-ingestion', 'rag-web']);
    expect(
      names(
        await entityCatalog.entitiesOfSystem('system:finance/rag', credentials),
      ),
    ).toEqual(['billing']);
  });

  it('leaves out refs that do not exist when getting many', async () => {
    const { entityCatalog } = create();
    const found = await entityCatalog.getEntitiesByRefs(
      ['component:default/rag-web', 'component:default/nope'],
      credentials,
    );
    expect(found.map(e => e.metadata.name)).toEqual(['rag-web']);
    await expect(
      entityCatalog.getEntitiesByRefs([], credentials),
    ).resolves.toEqual([]);
  });
});
