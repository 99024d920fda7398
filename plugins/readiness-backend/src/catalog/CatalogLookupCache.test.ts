import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogLookupCache } from './CatalogLookupCache';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rag-api' },
};

describe('CatalogLookupCache', () => {
  it('remembers found entities per caller for a while, and never remembers a miss', async () => {
    const getEntityByRef = jest.fn(async (ref: string) =>
      ref === 'component:default/rag-api' ? entity : undefined,
    );
    const cache = new CatalogLookupCache({ getEntityByRef } as any, {
      ttlMs: 50,
      maxEntries: 2,
    });
    const ci = mockCredentials.service('external:ci');
    const user = mockCredentials.user('user:default/maria.garcia');

    expect(await cache.getEntityByRef('component:default/rag-api', ci)).toBe(
      entity,
    );
    expect(await cache.getEntityByRef('component:default/rag-api', ci)).toBe(
      entity,
    );
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    // Another caller asks the catalog itself (it may see less).
    await cache.getEntityByRef('component:default/rag-api', user);
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
    // Misses are asked again every time.
    await cache.getEntityByRef('component:default/new', ci);
    await cache.getEntityByRef('component:default/new', ci);
    expect(getEntityByRef).toHaveBeenCalledTimes(4);
    // And hits expire.
    await new Promise(r => setTimeout(r, 60));
    await cache.getEntityByRef('component:default/rag-api', ci);
    expect(getEntityByRef).toHaveBeenCalledTimes(5);
  });

  it('looks many refs up in one catalog call, holding what it found per caller', async () => {
    const component = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: {},
    });
    const catalog = catalogServiceMock({
      entities: [component('rag-api'), component('rag-web')],
    });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const cache = new CatalogLookupCache(catalog, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const ci = mockCredentials.service('external:ci');
    const names = (entities: Array<{ metadata: { name: string } }>) =>
      entities.map(e => e.metadata.name).sort();
    const refs = [
      'component:default/rag-api',
      'component:default/rag-web',
      'component:default/missing',
    ];

    expect(names(await cache.getEntitiesByRefs(refs, ci))).toEqual([
      'rag-api',
      'rag-web',
    ]);
    expect(byRefs).toHaveBeenCalledTimes(1);
    // Found ones are held; the missing one is asked for again, alone.
    expect(names(await cache.getEntitiesByRefs(refs, ci))).toEqual([
      'rag-api',
      'rag-web',
    ]);
    expect(byRefs).toHaveBeenCalledTimes(2);
    expect(byRefs.mock.calls[1][0]).toEqual({
      entityRefs: ['component:default/missing'],
    });
    // Everything held: no call at all. The single lookup shares the memory.
    await cache.getEntitiesByRefs(refs.slice(0, 2), ci);
    expect(byRefs).toHaveBeenCalledTimes(2);
    const single = jest.spyOn(catalog, 'getEntityByRef');
    expect(
      (await cache.getEntityByRef('component:default/rag-web', ci))?.metadata
        .name,
    ).toBe('rag-web');
    expect(single).not.toHaveBeenCalled();
    // Another caller does not see this caller's lookups.
    await cache.getEntitiesByRefs(refs.slice(0, 1), mockCredentials.user());
    expect(byRefs).toHaveBeenCalledTimes(3);
  });
});
