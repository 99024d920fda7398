import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { targetPaths } from '@backstage/cli-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { EntityFileReader } from '../catalog/EntityFileReader';
import { RunbookService } from './RunbookService';

/** A catalog that has ingested nothing yet, then everything: what a fresh start looks like. */
function catalogFillingUp() {
  let entities: Entity[] = [];
  const auth = mockServices.auth();
  const catalog = () =>
    EntityCatalog.create({ catalog: catalogServiceMock({ entities }), auth });
  return {
    fill: () => {
      entities = demoEntities();
    },
    // EntityCatalog over whatever the catalog holds at the time of the call.
    view: new Proxy({} as EntityCatalog, {
      get: (_target, name) => {
        const current = catalog() as any;
        const value = current[name];
        return typeof value === 'function' ? value.bind(current) : value;
      },
    }),
  };
}

describe('RunbookService alert index', () => {
  it('is read again when it was built before the catalog had entities, and when an unknown alert meets an old index', async () => {
    const catalog = catalogFillingUp();
    let clock = new Date('2026-12-01T10:00:00Z');
    const service = RunbookService.create({
      files: new EntityFileReader({
        reader: mockServices.urlReader.mock(),
        localRoots: [targetPaths.rootDir],
      }),
      // The real in-memory cache store.
      cache: CacheManager.fromConfig(
        mockServices.rootConfig({
          data: { backend: { cache: { store: 'memory' } } },
        }),
      ).forPlugin('readiness'),
      catalog: catalog.view,
      logger: mockServices.logger.mock(),
      now: () => clock,
    });
    const credentials = await mockServices.auth().getOwnServiceCredentials();

    // The scheduled refresh at start-up finds no entity yet.
    expect((await service.refreshAll()).entities).toBe(0);
    catalog.fill();
    // An index of nothing is not trusted: the first question reads the runbooks again.
    const found = await service.byAlert('OidcLoginFailures', credentials);
    expect(found.items.map(i => i.entityRef)).toEqual([
      'component:default/rag-api',
    ]);

    const refresh = jest.spyOn(service, 'refreshAll');
    // An alert nobody lists, asked at once: the fresh index answers, no second read.
    expect(
      (await service.byAlert('NobodyKnowsThis', credentials)).items,
    ).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
    // Half a minute later the same question reads them again (a runbook may have been added since).
    clock = new Date('2026-12-01T10:01:00Z');
    await service.byAlert('NobodyKnowsThis', credentials);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
