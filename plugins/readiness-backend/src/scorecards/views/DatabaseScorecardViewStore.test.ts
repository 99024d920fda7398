import { gunzipSync, gzipSync } from 'node:zlib';
import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DatabaseScorecardViewStore } from './DatabaseScorecardViewStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const api = 'component:default/rag-api';
const web = 'component:default/rag-web';
const billing = 'component:default/billing';
const view = (
  entityRef: string,
  generation: number,
  body = `{"n":"${entityRef}"}`,
) => ({
  entityRef,
  generation,
  tracksKey: 'k1',
  entityEtag: 'e1',
  computedAt: '2026-12-02T10:00:00.000Z',
  body,
  bodyGzip: gzipSync(body),
});

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardViewStore on %p',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseScorecardViewStore.create(knex);
      const generations = await store.begin([
        {
          entityRef: api,
          systemRef: 'system:default/rag-platform',
          trackIds: ['rag', 'baseline'],
        },
        {
          entityRef: web,
          systemRef: 'system:default/rag-platform',
          trackIds: ['rag'],
        },
        { entityRef: billing, trackIds: ['baseline'] },
      ]);
      return { store, generations };
    }

    it('saves a view computed at the generation it began with, and hands it back', async () => {
      const { store, generations } = await setUp();
      expect([...generations.values()]).toEqual([0, 0, 0]);
      expect(await store.get(api)).toEqual({ generation: 0 });
      expect(await store.get('component:default/none')).toBeUndefined();
      expect(await store.save([view(api, 0), view(web, 0)])).toBe(2);
      expect(await store.get(api)).toEqual({
        generation: 0,
        tracksKey: 'k1',
        entityEtag: 'e1',
        computedAt: '2026-12-02T10:00:00.000Z',
        body: `{"n":"${api}"}`,
      });
      // The same body gzip-compressed, read instead of the JSON when asked for: the bytes as saved.
      const gzipped = await store.get(api, 'gzip');
      expect(gzipped?.body).toBeUndefined();
      expect(gunzipSync(gzipped!.bodyGzip!).toString()).toBe(`{"n":"${api}"}`);
      const many = await store.getMany([api, web, billing]);
      expect(many.get(api)).toEqual({
        generation: 0,
        tracksKey: 'k1',
        entityEtag: 'e1',
        computedAt: '2026-12-02T10:00:00.000Z',
      });
      expect(many.get(billing)).toEqual({ generation: 0 });
    });

    it('answers concurrent reads of one form with one query, each its own view', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseScorecardViewStore.create(knex);
      await store.begin(
        [api, web].map(entityRef => ({ entityRef, trackIds: ['rag'] })),
      );
      await store.save([view(api, 0), view(web, 0)]);
      const reads: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/^select/i.test(q.sql)) reads.push(q.sql);
      };
      knex.on('query', onQuery);
      const [first, ...rest] = await Promise.all([
        store.get(api),
        store.get(web),
        store.get('component:default/none'),
        store.get(api),
        store.get(web),
        store.get(api),
        store.get(web, 'gzip'),
        store.get(api, 'gzip'),
      ]);
      knex.off('query', onQuery);
      // Of each form, two groups run at once: the first two reads of a form alone (fewer than two of its form were
      // running), the rest of the JSON reads together — five queries for eight reads.
      expect(reads).toHaveLength(5);
      expect(first?.body).toBe(`{"n":"${api}"}`);
      expect(rest.map(v => v?.body)).toEqual([
        `{"n":"${web}"}`,
        undefined,
        `{"n":"${api}"}`,
        `{"n":"${web}"}`,
        `{"n":"${api}"}`,
        undefined,
        undefined,
      ]);
      expect(
        rest.slice(5).map(v => gunzipSync(v!.bodyGzip!).toString()),
      ).toEqual([`{"n":"${web}"}`, `{"n":"${api}"}`]);
    });

    it('clears the views of an entity, of a track and of a System, and refuses saves computed before', async () => {
      const { store } = await setUp();
      await store.save([view(api, 0), view(web, 0), view(billing, 0)]);

      await store.invalidateEntities([web]);
      expect(await store.get(web)).toEqual({
        generation: 1,
        tracksKey: 'k1',
        entityEtag: 'e1',
      });
      // A computation that began before the change is not kept; one that began after is.
      expect(await store.save([view(web, 0)])).toBe(0);
      expect((await store.get(web))?.body).toBeUndefined();
      expect((await store.get(web, 'gzip'))?.bodyGzip).toBeUndefined();
      expect(await store.save([view(web, 1)])).toBe(1);

      await store.invalidateTracks(['baseline']);
      expect((await store.get(api))?.body).toBeUndefined();
      expect((await store.get(billing))?.body).toBeUndefined();
      expect((await store.get(web))?.body).toBe(`{"n":"${web}"}`);

      await store.invalidateSystem('system:default/rag-platform');
      expect((await store.get(web))?.generation).toBe(2);
      expect((await store.get(billing))?.generation).toBe(1);
    });

    it('reaches a view still being computed (begun, not saved) when its track or System changes', async () => {
      const { store } = await setUp();
      await store.invalidateTracks(['rag']);
      expect(
        await store.save([view(api, 0), view(web, 0), view(billing, 0)]),
      ).toBe(1);
      expect((await store.get(billing))?.body).toBeDefined();
    });

    it('keeps the generation of an entity begun again, with its new scope', async () => {
      const { store } = await setUp();
      await store.invalidateEntities([api]);
      const again = await store.begin([
        { entityRef: api, trackIds: ['baseline'] },
      ]);
      expect(again.get(api)).toBe(1);
      // No longer in the rag track nor in the System.
      await store.invalidateTracks(['rag']);
      await store.invalidateSystem('system:default/rag-platform');
      expect((await store.get(api))?.generation).toBe(1);
    });

    it('saves and clears from many callers at once without a deadlock, in whatever order they name entities', async () => {
      const { store } = await setUp();
      const refs = Array.from(
        { length: 120 },
        (_, i) => `component:default/svc-${String(i).padStart(3, '0')}`,
      );
      const scopes = refs.map((entityRef, i) => ({
        entityRef,
        systemRef: `system:default/s${i % 3}`,
        trackIds: i % 2 ? ['rag', 'baseline'] : ['rag'],
      }));
      // Each caller names the entities in its own order (one of them backwards, one shuffled).
      const shuffled = <T>(items: T[], seed: number) =>
        items
          .map((item, i) => ({ item, key: (i * 7919 + seed * 104729) % 1009 }))
          .sort((a, b) => a.key - b.key)
          .map(x => x.item);
      await store.begin(scopes);
      const errors: unknown[] = [];
      const caller = (work: (round: number) => Promise<unknown>) =>
        (async () => {
          for (let round = 0; round < 15; round++) {
            await work(round).catch(error => errors.push(error));
          }
        })();
      await Promise.all([
        caller(async round => {
          const generations = await store.begin([...scopes].reverse());
          await store.save(
            shuffled(refs, round).map(ref => view(ref, generations.get(ref)!)),
          );
        }),
        caller(async round => {
          const generations = await store.begin(shuffled(scopes, round + 1));
          await store.save(
            [...refs].reverse().map(ref => view(ref, generations.get(ref)!)),
          );
        }),
        caller(() => store.invalidateTracks(['rag'])),
        caller(round => store.invalidateEntities(shuffled(refs, round + 2))),
        caller(round => store.invalidateSystem(`system:default/s${round % 3}`)),
      ]);
      expect(errors).toEqual([]);
    });
  },
);
