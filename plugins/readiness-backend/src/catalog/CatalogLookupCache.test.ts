import { mockCredentials } from '@backstage/backend-test-utils';
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
});
