import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { applyDatabaseMigrations } from '../../database/migrations';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { exampleTrackRegistry } from '../../__testUtils__/exampleTrackRegistry';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import { WaiverService } from './WaiverService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const maria = mockCredentials.user('user:default/maria.garcia');
const sam = mockCredentials.user('user:default/sam.okafor');
const target = {
  entityRef: 'component:default/rag-api',
  trackId: 'rag-production-readiness',
  gateId: 'backend-verified',
  checkId: 'oidc-login',
};

describe.each(databases.eachSupportedId())('WaiverService on %p', id => {
  let now: Date;
  const setUp = async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const tracks = await exampleTrackRegistry();
    now = new Date();
    const evaluated: string[] = [];
    const service = WaiverService.create({
      catalog: EntityCatalog.create({
        catalog: catalogServiceMock({ entities: demoEntities() }),
        auth: mockServices.auth(),
      }),
      tracks,
      store: DatabaseWaiverStore.create(knex),
      maxWaiverDays: 30,
      evaluate: async entity => void evaluated.push(entity.metadata.name),
      now: () => now,
    });
    return { service, evaluated };
  };
  const inDays = (days: number) =>
    new Date(now.getTime() + days * 86_400_000).toISOString();

  it('is approved by someone other than who requested it, once, and the entity is evaluated again', async () => {
    const { service, evaluated } = await setUp();
    const waiver = await service.request(
      { ...target, reason: 'IdP migration', expiresAt: inDays(7) },
      maria,
    );
    expect(waiver).toMatchObject({
      requestedBy: 'user:default/maria.garcia',
      entityRef: 'component:default/rag-api',
    });
    await expect(service.approve(waiver.id, maria)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(evaluated).toEqual([]);
    expect(await service.approve(waiver.id, sam)).toMatchObject({
      approvedBy: 'user:default/sam.okafor',
    });
    expect(evaluated).toEqual(['rag-api']);
    await expect(service.approve(waiver.id, sam)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('already approved'),
    });
  });

  it('refuses an expiry past the limit or in the past, naming the field, and unknown checks', async () => {
    const { service } = await setUp();
    for (const expiresAt of [inDays(31), inDays(-1)]) {
      await expect(
        service.request({ ...target, reason: 'r', expiresAt }, maria),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^expiresAt: /),
      });
    }
    await expect(
      service.request(
        { ...target, checkId: 'nope', reason: 'r', expiresAt: inDays(1) },
        maria,
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^checkId: /),
    });
  });

  it('does not approve an expired or a revoked waiver', async () => {
    const { service } = await setUp();
    const expiring = await service.request(
      { ...target, reason: 'r', expiresAt: inDays(1) },
      maria,
    );
    now = new Date(now.getTime() + 2 * 86_400_000);
    await expect(service.approve(expiring.id, sam)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('expired'),
    });
    const revoked = await service.request(
      { ...target, reason: 'r', expiresAt: inDays(1) },
      maria,
    );
    await service.revoke(revoked.id, maria);
    await expect(service.revoke(revoked.id, maria)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(service.approve(revoked.id, sam)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('revoked'),
    });
  });
});
