import { gunzipSync } from 'node:zlib';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { seedDemoEvidence } from '../../facts/evidence/demoEvidence';
import { evaluationSetup } from '../../__testUtils__/evaluationSetup';
import { ScorecardReader } from '../read/ScorecardReader';
import { ResultStore } from '../results/ResultStore';
import {
  EntityScorecard,
  joinScorecard,
  ScorecardAnswer,
} from '@readiness-io/plugin-readiness-common';
import { DatabaseScorecardViewStore } from './DatabaseScorecardViewStore';
import { ScorecardViews } from './ScorecardViews';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const api = 'component:default/rag-api';
const web = 'component:default/rag-web';
const billing = 'component:default/billing';
/** A service outside the RAG platform: only the baseline track applies, and it reads nothing of rag-api. */
const billingEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', etag: 'billing-1' },
  spec: {
    type: 'service',
    owner: 'group:default/rag-team',
    lifecycle: 'production',
  },
};
const MAX_AGE = 30 * 60_000;

describe.each(databases.eachSupportedId())(
  'ScorecardViews on %p',
  databaseId => {
    async function setUp(
      options: {
        allowed?: boolean;
        results?: (results: ResultStore) => ResultStore;
        inCatalog?: boolean;
      } = {},
    ) {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        {
          result:
            options.allowed === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        },
      ]);
      const setup = await evaluationSetup(await databases.init(databaseId), {
        entities: [
          ...demoEntities(),
          ...(options.inCatalog === false ? [] : [billingEntity]),
        ],
        permissions,
      });
      let now = new Date('2026-12-02T10:00:00Z');
      const views = ScorecardViews.create({
        store: DatabaseScorecardViewStore.create(setup.knex),
        tracks: setup.tracks,
        evaluator: setup.evaluator,
        results: options.results
          ? options.results(setup.results)
          : setup.results,
        maxAgeMs: MAX_AGE,
        now: () => now,
      });
      const reader = ScorecardReader.create({
        catalog: setup.catalog,
        tracks: setup.tracks,
        views,
      });
      const entity = (ref: string) =>
        setup.entities.find(
          e =>
            `component:default/${e.metadata.name}` === ref &&
            e.kind === 'Component',
        )!;
      const credentials = await mockServices.auth().getOwnServiceCredentials();
      return {
        ...setup,
        views,
        reader,
        entity,
        credentials,
        permissions,
        at: (iso: string) => {
          now = new Date(iso);
        },
      };
    }

    it('serves what evaluating now answers, without asking the catalog for the entity', async () => {
      const {
        views,
        reader,
        entity,
        credentials,
        catalogClient,
        evidence,
        tracks,
      } = await setUp();
      // The seed report: OIDC login fails on rag-api.
      await seedDemoEvidence(evidence, mockServices.logger.mock());
      const getEntityByRef = jest.spyOn(catalogClient, 'getEntityByRef');
      expect(await views.read(api)).toBeUndefined();

      // No view yet: evaluated now, from the catalog's entity, and kept.
      const first = await reader.getScorecard(api, credentials);
      expect(getEntityByRef).toHaveBeenCalledTimes(1);
      expect(first.tracks.map(t => t.track.metadata.name)).toEqual([
        'rag-production-readiness',
        'service-baseline',
      ]);
      expect(first.title).toBe(entity(api).metadata.title ?? 'rag-api');

      const second = await reader.getScorecard(api, credentials);
      expect(getEntityByRef).toHaveBeenCalledTimes(1);
      expect(second).toEqual(first);
      // The answer of GET /scorecards/... (the view's body as stored): the same scorecard once joined with the
      // definitions of its tracks' version, which it names instead of repeating them.
      const stored = await reader.getScorecardAnswer(api, credentials);
      const answer: ScorecardAnswer = JSON.parse(
        'json' in stored ? stored.json : '',
      );
      // The same, gzip-compressed as stored, for a caller that accepts gzip.
      const gzip = await reader.getScorecardAnswer(api, credentials, {
        gzip: true,
      });
      expect(
        'gzip' in gzip && JSON.parse(gunzipSync(gzip.gzip).toString()),
      ).toEqual(answer);
      expect(answer.tracksVersion).toBe(tracks.version);
      expect(answer.trackProblems).toEqual(tracks.problems());
      expect(JSON.stringify(answer)).not.toContain('"appliesTo"');
      expect(joinScorecard(answer, tracks.definitions())).toEqual(first);
      expect(getEntityByRef).toHaveBeenCalledTimes(1);
      // Evaluated again now: the same statuses and words (only the times of evaluation differ).
      const [evaluatedNow] = await views.compute([entity(api)], credentials);
      const words = (s: EntityScorecard) =>
        s.tracks.flatMap(t =>
          t.evaluation.gates.map(g => [
            g.gateId,
            g.status,
            g.checks.map(c => [c.checkId, c.status, c.message, c.since]),
          ]),
        );
      expect(words(evaluatedNow)).toEqual(words(first));
      expect(words(first)).toContainEqual([
        'backend-verified',
        'failed',
        expect.arrayContaining([
          expect.arrayContaining(['oidc-login', 'fail']),
        ]),
      ]);
    });

    it('serves a view only to whom the permission framework lets read the entity; otherwise the catalog decides', async () => {
      // billing has a view but is no longer in the catalog.
      const allowed = await setUp({ inCatalog: false });
      await allowed.views.compute([billingEntity], allowed.credentials);
      const getEntityByRef = jest.spyOn(
        allowed.catalogClient,
        'getEntityByRef',
      );
      await expect(
        allowed.reader.getScorecard(billing, allowed.credentials),
      ).resolves.toMatchObject({ entityRef: billing });
      expect(getEntityByRef).not.toHaveBeenCalled();
      expect(allowed.permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'catalog.entity.read',
            }),
            resourceRef: billing,
          },
        ],
        { credentials: allowed.credentials },
      );

      const denied = await setUp({ inCatalog: false, allowed: false });
      await denied.views.compute([billingEntity], denied.credentials);
      await expect(
        denied.reader.getScorecard(billing, denied.credentials),
      ).rejects.toThrow(
        new NotFoundError('No entity component:default/billing in the catalog'),
      );
    });

    it('does not keep a scorecard whose inputs changed while it was computed', async () => {
      let during: (() => Promise<void>) | undefined;
      const { views, entity, credentials } = await setUp({
        results: results =>
          Object.assign(Object.create(results), {
            currentOfMany: async (refs: string[]) => {
              await during?.();
              return results.currentOfMany(refs);
            },
          }),
      });
      during = () => views.invalidate(api);
      const [computed] = await views.compute([entity(api)], credentials);
      expect(computed.entityRef).toBe(api);
      expect(await views.read(api)).toBeUndefined();
      during = undefined;
      await views.compute([entity(api)], credentials);
      expect(await views.read(api)).toBeDefined();
    });

    it('clears, with new facts about rag-api, the scorecards of every entity whose track reads rag-api, and no other', async () => {
      const { views, entity, credentials } = await setUp();
      await views.compute(
        [entity(api), entity(web), billingEntity],
        credentials,
      );
      await views.invalidate(api);
      expect(await views.read(api)).toBeUndefined();
      expect(await views.read(web)).toBeUndefined();
      expect(await views.read(billing)).toBeDefined();

      await views.compute([entity(api), entity(web)], credentials);
      await views.invalidate(billing);
      expect(await views.read(billing)).toBeUndefined();
      expect(await views.read(web)).toBeDefined();

      await views.invalidateSystem('system:default/rag-platform');
      expect(await views.read(api)).toBeUndefined();
      expect(await views.read(web)).toBeUndefined();
    });

    it('serves a view up to its maximum age; a run computes what is missing, old, edited in the catalog or changed', async () => {
      const { views, entity, credentials, at } = await setUp();
      const all = [entity(api), entity(web), billingEntity];
      expect(await views.refresh(all, credentials)).toBe(3);
      expect(await views.refresh(all, credentials)).toBe(0);

      at('2026-12-02T10:29:59Z');
      expect(await views.read(api)).toBeDefined();
      at('2026-12-02T10:30:00Z');
      expect(await views.read(api)).toBeUndefined();

      // Past half the age: computed again by the run (so a read never finds it too old between runs).
      at('2026-12-02T10:15:00Z');
      expect(await views.refresh(all, credentials)).toBe(3);
      expect((await views.read(api))?.evaluatedAt).toBe(
        '2026-12-02T10:15:00.000Z',
      );

      // An edited entity (another etag), and an entity whose statuses changed in the run.
      const edited = {
        ...billingEntity,
        metadata: { ...billingEntity.metadata, etag: 'billing-2' },
      };
      expect(
        await views.refresh([entity(api), entity(web), edited], credentials, [
          {
            entityRef: web,
            trackId: 'rag-production-readiness',
            gateId: 'backend-verified',
            checkId: '',
            from: 'failed',
            to: 'passed',
            at: '2026-12-02T10:15:00Z',
          },
        ]),
      ).toBe(2);
    });
  },
);
