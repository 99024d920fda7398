import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { InputError, NotFoundError } from '@backstage/errors';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { applyDatabaseMigrations } from '../../database/migrations';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { exampleTrackRegistry } from '../../__testUtils__/exampleTrackRegistry';
import { DatabaseAttestationStore } from './DatabaseAttestationStore';
import { AttestationService } from './AttestationService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const maria = mockCredentials.user('user:default/maria.garcia');
// "UX review of the refined flows done": a manual check, valid for 90 days.
const uxReview = {
  entityRef: 'component:default/rag-web',
  trackId: 'rag-production-readiness',
  gateId: 'refined',
  checkId: 'ux-review',
};

describe.each(databases.eachSupportedId())('AttestationService on %p', id => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const setUp = async () => {
    const knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    const tracks = await exampleTrackRegistry();
    const store = DatabaseAttestationStore.create(knex);
    const evaluated: string[] = [];
    const service = AttestationService.create({
      catalog: EntityCatalog.create({
        catalog: catalogServiceMock({ entities: demoEntities() }),
        auth: mockServices.auth(),
      }),
      tracks,
      store,
      evaluate: async entity => void evaluated.push(entity.metadata.name),
      now: () => now,
    });
    return { service, store, evaluated };
  };

  it("records who attested, valid for the check's days, and evaluates the entity again", async () => {
    const { service, store, evaluated } = await setUp();
    const attestation = await service.attest(
      {
        ...uxReview,
        entityRef: 'Component:default/RAG-Web',
        note: 'Walked through with design',
      },
      maria,
    );
    expect(attestation).toMatchObject({
      entityRef: 'component:default/rag-web',
      attestedBy: 'user:default/maria.garcia',
      validUntil: '2027-03-01T12:00:00.000Z',
      note: 'Walked through with design',
    });
    expect(evaluated).toEqual(['rag-web']);
    expect(
      await store.listForEntities(['component:default/rag-web']),
    ).toHaveLength(1);
  });

  it('takes an earlier end date, and refuses one in the past or beyond the limit, naming the field', async () => {
    const { service, store } = await setUp();
    await expect(
      service.attest(
        { ...uxReview, validUntil: '2026-12-31T00:00:00Z' },
        maria,
      ),
    ).resolves.toMatchObject({ validUntil: '2026-12-31T00:00:00.000Z' });
    for (const [validUntil, message] of [
      ['2026-11-30T00:00:00Z', 'validUntil: must be in the future'],
      ['2027-06-01T00:00:00Z', 'validUntil: must be at most 90 days from now'],
      ['soon', 'validUntil: not a date-time'],
    ]) {
      await expect(
        service.attest({ ...uxReview, validUntil }, maria),
      ).rejects.toThrow(new InputError(message));
    }
    expect(
      await store.listForEntities(['component:default/rag-web']),
    ).toHaveLength(1);
  });

  it('refuses a check decided by a fact, a check or track that does not exist, and an unknown entity', async () => {
    const { service, evaluated } = await setUp();
    await expect(
      service.attest({ ...uxReview, checkId: 'own-tests-pass' }, maria),
    ).rejects.toThrow(
      /^checkId: 'own-tests-pass' is decided by the fact evidence\.tests\.unit/,
    );
    await expect(
      service.attest({ ...uxReview, checkId: 'nope' }, maria),
    ).rejects.toThrow("checkId: gate 'refined' has no check 'nope'");
    await expect(
      service.attest({ ...uxReview, trackId: 'nope' }, maria),
    ).rejects.toThrow("trackId: no track 'nope'");
    await expect(
      service.attest(
        { ...uxReview, entityRef: 'component:default/nope' },
        maria,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(evaluated).toEqual([]);
  });
});
