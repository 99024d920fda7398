import { Entity } from '@backstage/catalog-model';
import { createCatalogFactSource } from './catalogFactSource';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'rag-api',
    namespace: 'default',
    description: 'Backend',
    annotations: { 'readiness.io/runbooks': './runbooks/oidc.md' },
    links: [
      { url: 'https://git.example.com/rag/rag-api', title: 'Repository' },
    ],
  },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'rag-team',
    system: 'rag-platform',
  },
  relations: [
    { type: 'dependsOn', targetRef: 'resource:default/rag-postgres' },
    { type: 'dependsOn', targetRef: 'component:default/rag-retriever' },
    { type: 'ownedBy', targetRef: 'group:default/rag-team' },
  ],
};

describe('catalog fact source', () => {
  const source = createCatalogFactSource({
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
  const valueOf = async (type: string, e: Entity = entity) =>
    (await source.getFacts({ entities: [e], types: [type] }))[0]?.value;

  it('reads owner, owner kind, lifecycle and spec fields', async () => {
    expect(await valueOf('catalog.owner')).toBe('group:default/rag-team');
    expect(await valueOf('catalog.ownerKind')).toBe('group');
    expect(
      await valueOf('catalog.ownerKind', {
        ...entity,
        spec: { ...entity.spec, owner: 'user:maria.garcia' },
      }),
    ).toBe('user');
    expect(await valueOf('catalog.lifecycle')).toBe('experimental');
    expect(await valueOf('catalog.system')).toBe('rag-platform');
    expect(await valueOf('catalog.spec')).toEqual(entity.spec);
  });

  it('reads one annotation by key, null when absent, and absent lists as null', async () => {
    expect(await valueOf('catalog.annotation.readiness.io/runbooks')).toBe(
      './runbooks/oidc.md',
    );
    expect(await valueOf('catalog.annotation.readiness.io/oncall')).toBeNull();
    expect(await valueOf('catalog.tags')).toBeNull();
    expect(await valueOf('catalog.title')).toBeNull();
    expect(await valueOf('catalog.links')).toEqual([
      { url: 'https://git.example.com/rag/rag-api', title: 'Repository' },
    ]);
  });

  it('groups relations by type', async () => {
    expect(await valueOf('catalog.relations')).toEqual({
      dependsOn: [
        'resource:default/rag-postgres',
        'component:default/rag-retriever',
      ],
      ownedBy: ['group:default/rag-team'],
    });
  });

  it('returns every plain fact when no types are asked for, stamped with the source and time', async () => {
    const facts = await source.getFacts({ entities: [entity] });
    expect(facts).toHaveLength(12);
    expect(facts[0]).toMatchObject({
      entityRef: 'component:default/rag-api',
      source: 'catalog',
      observedAt: '2026-11-25T12:00:00.000Z',
    });
  });

  it('ignores types it does not provide', async () => {
    expect(
      await source.getFacts({
        entities: [entity],
        types: ['evidence.tests.api'],
      }),
    ).toEqual([]);
  });
});
