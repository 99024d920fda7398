import fc from 'fast-check';
import path from 'node:path';
import request from 'supertest';
import { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { targetPaths } from '@backstage/cli-common';
import { readinessPlugin } from './plugin';
import { demoEntities } from '@internal/readiness-demo-catalog';

jest.setTimeout(180_000);

const RUNS = 1000;
// PostgreSQL too when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (CI sets it): it cannot store the
// NUL character SQLite accepts, so bad input must be refused the same way on both.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});
const tables = [
  'readiness_evidence',
  'readiness_attestations',
  'readiness_waivers',
  'readiness_result_vectors',
  'readiness_history',
  'readiness_deployments',
  'readiness_escalations',
  'readiness_environments',
];

const valid: Record<string, Record<string, unknown>> = {
  '/api/readiness/evidence': {
    entityRef: 'component:default/rag-api',
    type: 'evidence.tests.api',
    value: { status: 'passed' },
    observedAt: '2026-11-24T10:00:00Z',
    commitSha: 'abc1234',
    url: 'https://ci.example.com/1',
    externalId: 'run-1',
  },
  '/api/readiness/attestations': {
    entityRef: 'component:default/rag-api',
    trackId: 'rag-production-readiness',
    gateId: 'refined',
    checkId: 'ux-review',
    note: 'Reviewed',
  },
  '/api/readiness/deployments': {
    entityRef: 'component:default/rag-api',
    environment: 'rag-staging',
    version: '1.4.0',
    status: 'succeeded',
    startedAt: '2026-11-24T10:00:00Z',
    commitSha: 'abc1234',
    externalId: 'deploy-1',
  },
  '/api/readiness/waivers': {
    entityRef: 'component:default/rag-api',
    trackId: 'rag-production-readiness',
    gateId: 'backend-verified',
    checkId: 'backend-coverage',
    reason: 'Coverage tooling broken this week',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  },
  '/api/readiness/deployments/batch': {
    items: [
      {
        entityRef: 'component:default/rag-api',
        environment: 'rag-staging',
        version: '1.4.0',
        status: 'succeeded',
        externalId: 'deploy-b1',
      },
    ],
  },
  '/api/readiness/oncall/component/default/rag-api/escalations': {
    reason: 'OIDC login down for everyone',
    level: 2,
  },
  '/api/readiness/environments/default/rag-prod-eu': {
    system: 'rag-platform',
    tier: 'production',
    taskId: 'task-1',
    requestedBy: 'user:default/maria.garcia',
  },
};
/** Routes that take PUT; the rest take POST. */
const putRoutes = new Set(['/api/readiness/environments/default/rag-prod-eu']);
const required: Record<string, string[]> = {
  '/api/readiness/oncall/component/default/rag-api/escalations': ['reason'],
  '/api/readiness/deployments/batch': ['items'],
  '/api/readiness/evidence': ['entityRef', 'type', 'value'],
  '/api/readiness/attestations': ['entityRef', 'trackId', 'gateId', 'checkId'],
  '/api/readiness/waivers': [
    'entityRef',
    'trackId',
    'gateId',
    'checkId',
    'reason',
    'expiresAt',
  ],
  '/api/readiness/deployments': [
    'entityRef',
    'environment',
    'version',
    'status',
  ],
  '/api/readiness/environments/default/rag-prod-eu': ['system', 'tier'],
};

// Free-text fields take any string; every other string field has a pattern or format.
const freeText = new Set(['externalId', 'reason', 'note', 'version', 'taskId']);
// A value no string field accepts: not a string at all.
const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
// A string with the NUL character somewhere, among other control characters: refused in every string field.
const controlCharacter = fc
  .integer({ min: 0, max: 0x1f })
  .map(c => String.fromCharCode(c));
const withNul = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.array(controlCharacter, { maxLength: 3 }),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, controls, b]) => `${a}${controls.join('')}\u0000${b}`);
// Integer fields and their valid range: a bad value is out of range, or not a number at all.
const integerRanges: Record<string, { min: number; max: number }> = {
  level: { min: 1, max: 20 },
};
// For patterned fields, also a string that breaks every pattern and format here (none allows ' / ' inside).
const badValue = (field: string) => {
  const range = integerRanges[field];
  if (range) {
    return fc.oneof(
      fc.integer({ max: range.min - 1 }),
      fc.integer({ min: range.max + 1 }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ min: range.min + 0.01, max: range.max - 0.01, noNaN: true }),
    );
  }
  return freeText.has(field)
    ? fc.oneof(notAString, withNul)
    : fc.oneof(
        notAString,
        fc.string().map(s => ` ${s} / bad`),
        withNul,
      );
};

/** Bodies that must be rejected: not an object at all, a required field missing, a field of the wrong kind, or an extra field. */
function malformedBodies(route: string) {
  const base = valid[route];
  const fields = Object.keys(base).filter(f => f !== 'value' && f !== 'note');
  return fc.oneof(
    fc
      .anything()
      .filter(v => typeof v !== 'object' || v === null || Array.isArray(v)),
    fc.constantFrom(...required[route]).map(field => {
      const { [field]: _removed, ...rest } = base;
      return rest;
    }),
    fc
      .constantFrom(...fields)
      .chain(field =>
        badValue(field).map(value => ({ ...base, [field]: value })),
      ),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter(k => !(k in base) && k !== '__proto__')
      .map(k => ({ ...base, [k]: 'extra' })),
  );
}

describe.each(databases.eachSupportedId())(
  'fuzzing the mutating routes with malformed input on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let knex: Knex;
    const counts = async () =>
      Promise.all(
        tables.map(async t => Number((await knex(t).count({ n: '*' }))[0].n)),
      );

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          readinessPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: demoEntities() }),
          mockServices.rootConfig.factory({
            data: {
              readiness: {
                tracks: [
                  path.join(
                    targetPaths.rootDir,
                    'examples/readiness/rag-production-readiness.yaml',
                  ),
                ],
              },
            },
          }),
        ],
      }));
    });

    it.each(Object.keys(valid))(
      `${RUNS} malformed bodies to %s: always a 4xx, never a 5xx, nothing written`,
      async route => {
        const before = await counts();
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(malformedBodies(route), async body => {
            const res = await request(server)
              [putRoutes.has(route) ? 'put' : 'post'](route)
              .set(
                'Authorization',
                mockCredentials.user.header('user:default/maria.garcia'),
              )
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body) ?? 'undefined');
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            return res.status >= 400 && res.status < 500;
          }),
          { numRuns: RUNS },
        );
        expect(await counts()).toEqual(before);
        expect([...statuses.keys()].every(s => s >= 400 && s < 500)).toBe(true);
      },
    );

    it(`${RUNS} evidence with control characters in its strings: with NUL a 400 naming the field, otherwise stored as sent`, async () => {
      let run = 0;
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(
            fc.string({ maxLength: 8 }),
            fc.array(controlCharacter, { maxLength: 4 }),
            fc.string({ maxLength: 8 }),
          ),
          async ([a, controls, b]) => {
            const text = `${a}${controls.join('')}${b}`;
            const res = await request(server)
              .post('/api/readiness/evidence')
              .set(
                'Authorization',
                mockCredentials.user.header('user:default/maria.garcia'),
              )
              .send({
                ...valid['/api/readiness/evidence'],
                value: { status: text },
                externalId: `fuzz-${run++}-${text}`,
              });
            if (text.includes('\u0000')) {
              return (
                res.status === 400 &&
                /must not contain the NUL character/.test(
                  res.body.error.message,
                )
              );
            }
            stored++;
            return res.status === 201 && res.body.value.status === text;
          },
        ),
        { numRuns: RUNS },
      );
      // Each push without NUL is there once; none with NUL is.
      const [{ n }] = await knex('readiness_evidence')
        .where('external_id', 'like', 'fuzz-%')
        .count({ n: '*' });
      expect(Number(n)).toBe(stored);
    });

    it(`${RUNS} malformed deployment ids to POST /deployments/:id/rollback: a 4xx, nothing written`, async () => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 60 }), async id => {
          const res = await request(server)
            .post(
              `/api/readiness/deployments/${encodeURIComponent(id)}/rollback`,
            )
            .set(
              'Authorization',
              mockCredentials.user.header('user:default/maria.garcia'),
            );
          return res.status >= 400 && res.status < 500;
        }),
        { numRuns: RUNS },
      );
      expect(await counts()).toEqual(before);
    });

    it.each(['approve', 'revoke'])(
      `${RUNS} malformed waiver ids to POST /waivers/:id/%s: a 4xx, nothing written`,
      async action => {
        const before = await counts();
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 60 }), async id => {
            const res = await request(server)
              .post(
                `/api/readiness/waivers/${encodeURIComponent(id)}/${action}`,
              )
              .set(
                'Authorization',
                mockCredentials.user.header('user:default/maria.garcia'),
              );
            return res.status >= 400 && res.status < 500;
          }),
          { numRuns: RUNS },
        );
        expect(await counts()).toEqual(before);
      },
    );

    it.each([
      [
        'POST /scorecards/…/refresh',
        (p: string) => `/api/readiness/scorecards/${p}/refresh`,
      ],
      [
        'POST /oncall/…/escalations',
        (p: string) => `/api/readiness/oncall/${p}/escalations`,
      ],
    ])(
      `${RUNS} malformed entity paths to %s: a 4xx, nothing written`,
      async (_name, url) => {
        const before = await counts();
        await fc.assert(
          fc.asyncProperty(
            fc.tuple(
              fc.string({ maxLength: 20 }),
              fc.string({ maxLength: 20 }),
              fc.string({ maxLength: 40 }),
            ),
            async parts => {
              const res = await request(server)
                .post(url(parts.map(encodeURIComponent).join('/')))
                .set(
                  'Authorization',
                  mockCredentials.user.header('user:default/maria.garcia'),
                )
                .send({ reason: 'fuzz' });
              return res.status >= 400 && res.status < 500;
            },
          ),
          { numRuns: RUNS },
        );
        expect(await counts()).toEqual(before);
      },
    );
  },
);
