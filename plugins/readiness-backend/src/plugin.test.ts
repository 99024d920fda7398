import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { targetPaths } from '@backstage/cli-common';
import { readinessPlugin } from './plugin';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { startReadinessBackend } from './__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

async function start(extra: any[] = []) {
  return (await startReadinessBackend({ features: extra })).server;
}

const maria = {
  header: () => mockCredentials.user.header('user:default/maria.garcia'),
};
const sam = {
  header: () => mockCredentials.user.header('user:default/sam.okafor'),
};
const ci = {
  header: () =>
    mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'readiness',
    }),
};

const oidcFailing = {
  entityRef: 'component:default/rag-api',
  type: 'evidence.tests.oidc-login',
  value: { status: 'failed', failed: 3 },
  observedAt: '2026-11-22T09:00:00Z',
  commitSha: 'abc1234',
  url: 'https://ci.example.com/rag/rag-api/-/pipelines/1412',
  externalId: 'rag-api-1412-oidc',
};

describe('readiness backend plugin', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });

  it('answers /health without credentials and everything else only with them', async () => {
    expect((await request(server).get('/api/readiness/health')).body).toEqual({
      status: 'ok',
    });
    const res = await request(server)
      .get('/api/readiness/tracks')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('lists the loaded tracks', async () => {
    const res = await request(server)
      .get('/api/readiness/tracks')
      .set('Authorization', maria.header());
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: any) => t.metadata.name)).toEqual([
      'rag-production-readiness',
      'service-baseline',
    ]);
    // Scorecards name the definitions they were evaluated with by this version instead of repeating them.
    expect(res.body.version).toMatch(/^[0-9a-f]{16}$/);
    const card = await request(server)
      .get('/api/readiness/scorecards/component/default/rag-api')
      .set('Authorization', maria.header());
    expect(card.body.tracksVersion).toBe(res.body.version);
    expect(JSON.stringify(card.body)).not.toMatch(/"appliesTo"|"howToFix"/);
  });

  describe('POST /evidence', () => {
    it('records evidence from CI (201), the same externalId again is idempotent (200), different evidence is a 409', async () => {
      const first = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci.header())
        .send(oidcFailing);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        entityRef: 'component:default/rag-api',
        recordedBy: 'external:ci',
        commitSha: 'abc1234',
      });
      const again = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci.header())
        .send(oidcFailing);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const conflict = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci.header())
        .send({ ...oidcFailing, value: { status: 'passed' } });
      expect(conflict.status).toBe(409);
    });

    it.each([
      [{ ...oidcFailing, entityRef: undefined }, /entityRef/],
      [{ ...oidcFailing, type: 'tests.oidc' }, /type/],
      [{ ...oidcFailing, observedAt: 'yesterday' }, /observedAt/],
      [{ ...oidcFailing, commitSha: 'not-a-sha' }, /commitSha/],
      [{ ...oidcFailing, url: 'not a url' }, /url/],
      [{ ...oidcFailing, colour: 'red' }, /colour|additional/],
    ])(
      'rejects a malformed body with a 400 naming the field (%#)',
      async (body, field) => {
        const res = await request(server)
          .post('/api/readiness/evidence')
          .set('Authorization', ci.header())
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(field);
      },
    );

    it('answers 404 for an entity the catalog does not have', async () => {
      const res = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci.header())
        .send({
          ...oidcFailing,
          entityRef: 'component:default/nope',
          externalId: 'x-1',
        });
      expect(res.status).toBe(404);
    });
  });

  describe('scorecards', () => {
    it('shows rag-api blocked at every later gate by the one failing OIDC check', async () => {
      const res = await request(server)
        .get('/api/readiness/scorecards/component/default/rag-api')
        .set('Authorization', maria.header());
      expect(res.status).toBe(200);
      const rag = res.body.evaluations.find(
        (e: any) => e.trackId === 'rag-production-readiness',
      );
      const status = Object.fromEntries(
        rag.gates.map((g: any) => [g.gateId, g.status]),
      );
      expect(status['backend-verified']).toBe('failed');
      expect(status['frontend-verified']).toBe('blocked');
      expect(status['deployment-prepared']).toBe('blocked');
      const deploy = rag.gates.find(
        (g: any) => g.gateId === 'deployment-prepared',
      );
      expect(deploy.rootCauses.map((r: any) => r.checkId)).toEqual(
        expect.arrayContaining(['oidc-login']),
      );
      expect(rag.summary.nextGate).toBe('backend-verified');
      const oidc = rag.gates[0].checks.find(
        (c: any) => c.checkId === 'oidc-login',
      );
      expect(oidc).toMatchObject({
        status: 'fail',
        fact: { url: oidcFailing.url, commitSha: 'abc1234' },
      });
      // Several tracks apply at once.
      expect(res.body.evaluations.map((e: any) => e.trackId)).toEqual([
        'rag-production-readiness',
        'service-baseline',
      ]);
    });

    it('sends a stored scorecard gzip-compressed as stored to a client that accepts gzip, and as JSON to one that does not', async () => {
      const get = (encoding: string) =>
        request(server)
          .get('/api/readiness/scorecards/component/default/rag-web')
          .set('Authorization', maria.header())
          .set('Accept-Encoding', encoding)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          });
      await get('identity'); // kept as its view
      const plain = await get('identity');
      const gzipped = await get('gzip, deflate, br');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
      // Superagent inflates what it reads: the same JSON either way.
      expect(JSON.parse(gzipped.body.toString())).toEqual(
        JSON.parse(plain.body.toString()),
      );
      expect(Number(gzipped.headers['content-length'])).toBeLessThan(
        plain.body.length / 4,
      );
    });

    it('names a stored scorecard with an ETag: 304 for a client that has it, another once new facts change it', async () => {
      const url = '/api/readiness/scorecards/component/default/rag-retriever';
      const get = (headers: Record<string, string> = {}) =>
        request(server)
          .get(url)
          .set({ Authorization: maria.header(), ...headers });
      await get(); // kept as its view
      const plain = await get({ 'Accept-Encoding': 'identity' });
      const gzipped = await get({ 'Accept-Encoding': 'gzip' });
      const etag = plain.headers.etag;
      expect(etag).toMatch(/^W\/"/);
      // Both forms of one stored answer.
      expect(gzipped.headers.etag).toBe(etag);
      const cached = await get({ 'If-None-Match': etag });
      expect(cached.status).toBe(304);
      expect(cached.text).toBeFalsy();
      // Sent as stored, with its length; HEAD gets the same headers and no body.
      expect(Number(plain.headers['content-length'])).toBe(
        Buffer.byteLength(plain.text),
      );
      const head = await request(server)
        .head(url)
        .set({ Authorization: maria.header(), 'Accept-Encoding': 'identity' });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(
        plain.headers['content-length'],
      );
      expect(head.headers.etag).toBe(etag);
      expect(head.text).toBeFalsy();

      const pushed = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci.header())
        .send({
          entityRef: 'component:default/rag-retriever',
          type: 'evidence.tests.etag',
          value: { status: 'passed' },
        });
      expect(pushed.status).toBe(201);
      const changed = await get({ 'If-None-Match': etag });
      expect(changed.status).toBe(200);
      expect(changed.body.entityRef).toBe('component:default/rag-retriever');
      // Served from its view again (the one computed after the push): a new ETag.
      const again = await get({ 'If-None-Match': etag });
      expect(again.headers.etag).toMatch(/^W\/"/);
      expect(again.headers.etag).not.toBe(etag);
    });

    it('answers the compact form: verdicts and sentences, no track definitions or fact values, smaller than the full answer', async () => {
      const get = (url: string) =>
        request(server).get(url).set('Authorization', maria.header());
      const full = await get(
        '/api/readiness/scorecards/component/default/rag-api',
      );
      const res = await get(
        '/api/readiness/scorecards/component/default/rag-api/summary',
      );
      expect(res.status).toBe(200);
      const rag = res.body.tracks.find(
        (t: any) => t.trackId === 'rag-production-readiness',
      );
      expect(rag).toMatchObject({
        title: 'RAG production readiness',
        verdict:
          'RAG API has not passed “Backend verified (sprint 2)” (RAG production readiness): it fails.',
        nextGate: 'backend-verified',
        gatesPassed: 0,
      });
      expect(rag.blockers[0]).toMatchObject({
        gateTitle: 'Backend verified (sprint 2)',
        title: 'OIDC login works end to end',
        status: 'fail',
        evidence: { url: oidcFailing.url, commitSha: 'abc1234' },
      });
      expect(rag.blockers[0].message).toMatch(/^OIDC login works end to end: /);
      // The same statuses as the full scorecard, gate by gate.
      const fullRag = full.body.evaluations.find(
        (e: any) => e.trackId === 'rag-production-readiness',
      );
      expect(rag.gates.map((g: any) => [g.gateId, g.status])).toEqual(
        fullRag.gates.map((g: any) => [g.gateId, g.status]),
      );
      const compact = JSON.stringify(res.body);
      expect(compact).not.toMatch(/"spec"|"condition"|"value"|"fact"/);
      expect(compact.length).toBeLessThan(JSON.stringify(full.body).length);
      expect(
        (await get('/api/readiness/scorecards/component/default/nope/summary'))
          .status,
      ).toBe(404);
    });

    it('judges rag-web by rag-api’s OIDC evidence too', async () => {
      const res = await request(server)
        .get('/api/readiness/scorecards/component/default/rag-web')
        .set('Authorization', maria.header());
      const backend = res.body.evaluations[0].gates.find(
        (g: any) => g.gateId === 'backend-verified',
      );
      expect(backend.status).toBe('failed');
      expect(backend.rootCauses[0].message).toMatch(
        /^OIDC login works end to end: .* for rag-api, .* ago; expected all to pass\.$/,
      );
    });

    it('answers 404 for an unknown entity, an unknown track or gate, and 400 for a bad path segment', async () => {
      const get = (url: string) =>
        request(server).get(url).set('Authorization', maria.header());
      expect(
        (await get('/api/readiness/scorecards/component/default/nope')).status,
      ).toBe(404);
      expect(
        (
          await get(
            '/api/readiness/gates/component/default/rag-api/nope/backend-verified',
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await get(
            '/api/readiness/gates/component/default/rag-api/rag-production-readiness/nope',
          )
        ).status,
      ).toBe(404);
      expect(
        (await get('/api/readiness/scorecards/component/default/bad%20name'))
          .status,
      ).toBe(400);
      expect(
        (
          await get(
            '/api/readiness/scorecards/component/default/rag-api/history?limit=0',
          )
        ).status,
      ).toBe(400);
    });

    it('returns one gate', async () => {
      const res = await request(server)
        .get(
          '/api/readiness/gates/component/default/rag-api/rag-production-readiness/backend-verified',
        )
        .set('Authorization', maria.header());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/rag-api',
        gate: { gateId: 'backend-verified', status: 'failed' },
      });
    });

    it('stores transitions on refresh and serves them as history', async () => {
      const refresh = await request(server)
        .post('/api/readiness/scorecards/component/default/rag-api/refresh')
        .set('Authorization', maria.header());
      expect(refresh.status).toBe(200);
      const history = await request(server)
        .get(
          '/api/readiness/scorecards/component/default/rag-api/history?trackId=rag-production-readiness&limit=500',
        )
        .set('Authorization', maria.header());
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            gateId: 'backend-verified',
            checkId: '',
            to: 'failed',
          }),
        ]),
      );
      // Nothing changed since: a second refresh writes nothing.
      const again = await request(server)
        .post('/api/readiness/scorecards/component/default/rag-api/refresh')
        .set('Authorization', maria.header());
      expect(again.body.transitions).toEqual([]);
    });

    it('rolls the system up, weakest link first, with the top root cause', async () => {
      const res = await request(server)
        .get('/api/readiness/systems/default/rag-platform')
        .set('Authorization', maria.header());
      expect(res.status).toBe(200);
      const refs = res.body.entities.map((e: any) => e.entityRef);
      expect(refs).toEqual(
        expect.arrayContaining([
          'component:default/rag-api',
          'component:default/rag-web',
          'component:default/rag-retriever',
          'component:default/rag-ingestion',
          'resource:default/rag-postgres',
          'resource:default/rag-vector-db',
        ]),
      );
      expect(res.body.rootCauses[0]).toMatchObject({ checkId: 'oidc-login' });
      expect(res.body.rootCauses[0].entityRefs).toHaveLength(4);
      const gate = res.body.tracks[0].gates.find(
        (g: any) => g.id === 'backend-verified',
      );
      expect(gate.status).toBe('failed');
      expect(
        (
          await request(server)
            .get('/api/readiness/systems/default/nope')
            .set('Authorization', maria.header())
        ).status,
      ).toBe(404);
    });

    it('shows new evidence at once on every scorecard it changes (a stored scorecard is cleared before the push is answered)', async () => {
      const backendOf = async (name: string) => {
        const res = await request(server)
          .get(`/api/readiness/scorecards/component/default/${name}`)
          .set('Authorization', maria.header());
        return res.body.evaluations[0].gates.find(
          (g: any) => g.gateId === 'backend-verified',
        );
      };
      const oidcOf = async (name: string) =>
        (await backendOf(name)).checks.find(
          (c: any) => c.checkId === 'oidc-login',
        ).status;
      // Read twice: the second answer is the stored scorecard.
      expect(await oidcOf('rag-web')).toBe('fail');
      expect(await oidcOf('rag-web')).toBe('fail');
      const push = (status: string, observedAt: string) =>
        request(server)
          .post('/api/readiness/evidence')
          .set('Authorization', ci.header())
          .send({
            ...oidcFailing,
            value: { status },
            observedAt,
            externalId: `rag-api-oidc-${observedAt}`,
          })
          .expect(201);
      await push('passed', '2026-11-23T09:00:00Z');
      expect(await oidcOf('rag-web')).toBe('pass');
      expect(await oidcOf('rag-api')).toBe('pass');
      // As it was for the tests after this one.
      await push('failed', '2026-11-23T10:00:00Z');
      expect(await oidcOf('rag-web')).toBe('fail');
    });
  });

  describe('attestations', () => {
    const target = {
      entityRef: 'component:default/rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'deployment-prepared',
      checkId: 'disaster-recovery-testing',
    };

    it('records who attested from the credentials, and the check then passes', async () => {
      const res = await request(server)
        .post('/api/readiness/attestations')
        .set('Authorization', maria.header())
        .send({
          ...target,
          note: 'Restored staging in 14 minutes',
          link: 'https://wiki.example.com/dr',
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...target,
        attestedBy: 'user:default/maria.garcia',
      });
      const card = await request(server)
        .get('/api/readiness/scorecards/component/default/rag-api')
        .set('Authorization', maria.header());
      const check = card.body.evaluations[0].gates
        .find((g: any) => g.gateId === 'deployment-prepared')
        .checks.find((c: any) => c.checkId === 'disaster-recovery-testing');
      // Still blocked by the gates before it, but its own outcome is a pass.
      expect(check).toMatchObject({ status: 'blocked', underlying: 'pass' });
    });

    it.each([
      [{ ...target, checkId: 'performance-benchmarking' }, 'checkId'],
      [{ ...target, checkId: 'nope' }, 'checkId'],
      [{ ...target, gateId: 'nope' }, 'gateId'],
      [{ ...target, trackId: 'nope' }, 'trackId'],
      [{ ...target, validUntil: '2020-01-01T00:00:00Z' }, 'validUntil'],
      [{ ...target, validUntil: '2099-01-01T00:00:00Z' }, 'validUntil'],
      [{ ...target, entityRef: 'rag api' }, 'entityRef'],
    ])(
      'rejects a bad attestation with a 400 naming the field (%#)',
      async (body, field) => {
        const res = await request(server)
          .post('/api/readiness/attestations')
          .set('Authorization', maria.header())
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      },
    );

    it('is for people only: a service gets a 403', async () => {
      const res = await request(server)
        .post('/api/readiness/attestations')
        .set('Authorization', ci.header())
        .send(target);
      expect(res.status).toBe(403);
    });
  });

  describe('waivers', () => {
    const body = {
      entityRef: 'component:default/rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'backend-verified',
      checkId: 'backend-coverage',
      reason: 'Coverage tooling broken by the Python 3.13 upgrade',
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    };

    it('needs approval by someone else; approval and revocation happen once', async () => {
      const requested = await request(server)
        .post('/api/readiness/waivers')
        .set('Authorization', sam.header())
        .send(body);
      expect(requested.status).toBe(201);
      const id = requested.body.id;
      const self = await request(server)
        .post(`/api/readiness/waivers/${id}/approve`)
        .set('Authorization', sam.header());
      expect(self.status).toBe(403);
      const approved = await request(server)
        .post(`/api/readiness/waivers/${id}/approve`)
        .set('Authorization', maria.header());
      expect(approved.status).toBe(200);
      expect(approved.body.approvedBy).toBe('user:default/maria.garcia');
      expect(
        (
          await request(server)
            .post(`/api/readiness/waivers/${id}/approve`)
            .set('Authorization', maria.header())
        ).status,
      ).toBe(409);

      const card = await request(server)
        .get('/api/readiness/scorecards/component/default/rag-api')
        .set('Authorization', maria.header());
      const coverage = card.body.evaluations[0].gates[0].checks.find(
        (c: any) => c.checkId === 'backend-coverage',
      );
      expect(coverage.status).toBe('waived');

      expect(
        (
          await request(server)
            .post(`/api/readiness/waivers/${id}/revoke`)
            .set('Authorization', maria.header())
        ).status,
      ).toBe(200);
      expect(
        (
          await request(server)
            .post(`/api/readiness/waivers/${id}/revoke`)
            .set('Authorization', maria.header())
        ).status,
      ).toBe(409);
    });

    it('answers 404 for an unknown waiver and 400 for a malformed id or body', async () => {
      const post = (url: string, b?: object) =>
        request(server).post(url).set('Authorization', maria.header()).send(b);
      expect(
        (
          await post(
            '/api/readiness/waivers/6f1c1a52-8f3e-4e59-9a43-2f4b5f7f0a01/approve',
          )
        ).status,
      ).toBe(404);
      expect(
        (await post('/api/readiness/waivers/not-a-uuid/approve')).status,
      ).toBe(400);
      expect(
        (await post('/api/readiness/waivers', { ...body, reason: 'short' }))
          .status,
      ).toBe(400);
      const tooLong = await post('/api/readiness/waivers', {
        ...body,
        expiresAt: '2099-01-01T00:00:00Z',
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('expiresAt');
    });
  });
});

describe('readiness backend plugin without the permissions', () => {
  it('answers 403 on every route', async () => {
    const server = await start([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const calls = [
      request(server).get('/api/readiness/tracks'),
      request(server).get(
        '/api/readiness/scorecards/component/default/rag-api',
      ),
      request(server).get(
        '/api/readiness/scorecards/component/default/rag-api/summary',
      ),
      request(server).post('/api/readiness/evidence').send(oidcFailing),
      request(server).post(
        '/api/readiness/scorecards/component/default/rag-api/refresh',
      ),
    ];
    for (const call of calls) {
      const res = await call.set('Authorization', maria.header());
      expect(res.status).toBe(403);
    }
  });
});

describe('a broken track harms nothing else', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-track-'));
    // A typo: the gate depends on a gate that does not exist.
    fs.writeFileSync(
      path.join(dir, 'typo.yaml'),
      'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: typo }\nspec:\n  appliesTo: [{ kind: Component }]\n  gates:\n    - { id: a, dependsOn: [nope], checks: [{ id: c, title: C, manual: { validForDays: 1 } }] }\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const startWith = (readinessConfig: object = {}) =>
    startTestBackend({
      features: [
        readinessPlugin,
        catalogServiceMock.factory({ entities: demoEntities() }),
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              tracks: [
                path.join(
                  targetPaths.rootDir,
                  'examples/readiness/rag-production-readiness.yaml',
                ),
                path.join(dir, 'typo.yaml'),
              ],
              ...readinessConfig,
            },
          },
        }),
      ],
    });

  it('keeps deployments, runbooks, on-call, environments and the other tracks answering, and reports the broken one', async () => {
    const { server } = await startWith();
    const get = (url: string) =>
      request(server)
        .get(`/api/readiness${url}`)
        .set('Authorization', maria.header());
    for (const url of [
      '/oncall/component/default/rag-api',
      '/runbooks/component/default/rag-api',
      '/deployments/component/default/rag-api/environments',
      '/environments?system=rag-platform',
    ]) {
      expect([url, (await get(url)).status]).toEqual([url, 200]);
    }
    const problem = {
      source: path.join(dir, 'typo.yaml'),
      message: expect.stringContaining(
        "spec.gates[0].dependsOn[0]: unknown gate 'nope'",
      ),
    };
    const tracks = await get('/tracks');
    expect(tracks.body.items.map((t: any) => t.metadata.name)).toEqual([
      'rag-production-readiness',
    ]);
    expect(tracks.body.problems).toEqual([problem]);
    const scorecard = await get('/scorecards/component/default/rag-api');
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.evaluations).toHaveLength(1);
    expect(scorecard.body.trackProblems).toEqual([problem]);
    expect((await get('/overview')).body.trackProblems).toEqual([problem]);
  });

  it("refuses to start with readiness.trackErrors 'fail', naming the file", async () => {
    await expect(startWith({ trackErrors: 'fail' })).rejects.toThrow(
      /typo\.yaml[\s\S]*unknown gate 'nope'/,
    );
  });
});

describe('readiness backend plugin start-up', () => {
  it("fails naming the file with readiness.trackErrors 'fail'", async () => {
    await expect(
      startTestBackend({
        features: [
          readinessPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              readiness: {
                tracks: ['/nonexistent/track.yaml'],
                trackErrors: 'fail',
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /readiness.tracks\[0\]: cannot read \/nonexistent\/track.yaml/,
    );
  });
});
