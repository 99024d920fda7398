import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { fileLocationsFromConfig, repoRoot } from './exampleCatalog';
import { readCatalogFiles } from './catalogFiles';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/**
 * Starts the real catalog backend with the catalog section of the portal's app-config.yaml
 * (locations resolved as the running backend resolves them) and waits for it to ingest the demo catalog.
 */
describe.each(databases.eachSupportedId())(
  'catalog backend on %p',
  databaseId => {
    it('ingests every example entity from the configured locations, with relations', async () => {
      const knex = await databases.init(databaseId);
      const locations = fileLocationsFromConfig(
        path.join(repoRoot, 'app-config.yaml'),
      );
      const { entities: fromFiles } = await readCatalogFiles(locations);
      const expected = fromFiles.map(e => stringifyEntityRef(e.entity)).sort();

      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          scaffolderEntityModelModule,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'Domain',
                      'API',
                      'Resource',
                      'Location',
                      'Group',
                      'User',
                      'Template',
                    ],
                  },
                ],
                processingInterval: { seconds: 1 },
                locations: locations.map(target => ({ type: 'file', target })),
              },
            },
          }),
        ],
      });

      // Poll until every entity is ingested and stitched (relations present), or time out.
      const ingested = async (): Promise<Entity[]> => {
        const deadline = Date.now() + 90_000;
        for (;;) {
          const res = await request(server)
            .get('/api/catalog/entities')
            .set('Authorization', mockCredentials.user.header());
          const all: Entity[] = res.status === 200 ? res.body : [];
          const named = all.filter(
            e => !e.metadata.name.startsWith('generated-'),
          );
          const stitched = named.find(
            e => e.kind === 'Component' && e.metadata.name === 'rag-api',
          );
          if (named.length >= expected.length && stitched?.relations?.length) {
            return named;
          }
          if (Date.now() > deadline) {
            return named;
          }
          await new Promise(r => setTimeout(r, 250));
        }
      };
      const entities = await ingested();
      expect(entities.map(e => stringifyEntityRef(e)).sort()).toEqual(expected);

      const ragApi = entities.find(
        e => e.kind === 'Component' && e.metadata.name === 'rag-api',
      )!;
      const relations = (ragApi.relations ?? []).map(
        r => `${r.type} ${r.targetRef}`,
      );
      expect(relations).toEqual(
        expect.arrayContaining([
          'ownedBy group:default/rag-team',
          'partOf system:default/rag-platform',
          'providesApi api:default/rag-api',
          'consumesApi api:default/rag-retriever-api',
          'dependsOn component:default/rag-retriever',
          'dependsOn resource:default/rag-postgres',
        ]),
      );

      // Unauthenticated callers are refused.
      const anonymous = await request(server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });
  },
);
