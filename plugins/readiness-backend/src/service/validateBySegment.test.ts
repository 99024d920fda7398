import express from 'express';
import request from 'supertest';
import { middleware as openApiValidator } from 'express-openapi-validator';
import { spec } from '../schema/openapi.generated';
import { validateBySegment, VALIDATOR_OPTIONS } from './validateBySegment';

type ApiSpec = Parameters<typeof openApiValidator>[0]['apiSpec'];

jest.setTimeout(60_000);

/** An app that validates with `validate`, answers 200 with what reached the handler, and 4xx with the error. */
function appWith(validate: express.RequestHandler | express.RequestHandler[]) {
  const app = express();
  app.use(express.json());
  app.use(validate);
  app.use((req, res) =>
    res.json({ path: req.path, query: req.query, body: req.body ?? null }),
  );
  app.use(
    (
      error: { status?: number; message: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => res.status(error.status ?? 500).json({ message: error.message }),
  );
  return app;
}

const ref = '/component/default/rag-api';
/** Requests of every kind the spec decides on: good and bad, in every segment, and paths it does not name. */
const requests: Array<[method: 'get' | 'post', path: string, body?: object]> = [
  ['get', `/scorecards${ref}`],
  ['get', `/scorecards${ref}?unknown=1`],
  ['get', `/scorecards${ref}/history?limit=abc`],
  ['get', `/scorecards${ref}/history?limit=5&trackId=rag-production-readiness`],
  ['get', `/gates${ref}/rag-production-readiness/backend-verified`],
  ['get', '/overview?status=nope'],
  ['get', '/overview?status=failed'],
  ['get', '/tracks'],
  ['post', '/tracks/preview', { track: 1 }],
  ['post', '/evidence', { type: 'evidence.tests.oidc-login' }],
  ['post', '/evidence', { entityRef: 'component:rag-api', type: 7 }],
  [
    'post',
    '/evidence',
    { entityRef: 'component:rag-api', type: 'evidence.coverage', value: 1 },
  ],
  ['post', '/deployments', { entityRef: 'component:rag-api' }],
  ['post', '/deployments/batch', { items: 'no' }],
  ['get', '/deployments/component/default/rag-api?limit=-1'],
  ['get', '/environments?system=system:default/rag-platform'],
  ['get', '/environments?nope=1'],
  ['post', '/waivers/123/approve', { extra: true }],
  ['get', '/campaigns/rag-ready'],
  // Paths of other lengths than their routes', a trailing slash, an empty segment.
  ['get', `/scorecards${ref}/?unknown=1`],
  ['get', `/scorecards${ref}/summary/?unknown=1`],
  ['get', `/scorecards${ref}/nope?unknown=1`],
  ['get', '/scorecards//default/rag-api?unknown=1'],
  ['get', `/scorecards${ref}//?unknown=1`],
  ['get', '/nowhere/at/all?x=1'],
  ['post', '/health'],
];

describe('validateBySegment', () => {
  it('answers every request as one validator of the whole spec does: the same statuses and messages', async () => {
    const whole = appWith(
      openApiValidator({
        ...VALIDATOR_OPTIONS,
        apiSpec: structuredClone(spec) as ApiSpec,
      }),
    );
    const bySegment = appWith(validateBySegment(spec));
    const outcomes = [];
    for (const [method, path, body] of requests) {
      const send = (app: express.Express) => {
        const req = request(app)[method](path);
        return body ? req.send(body) : req;
      };
      const [a, b] = [await send(whole), await send(bySegment)];
      outcomes.push({ path, status: a.status });
      expect([method, path, b.status, b.body]).toEqual([
        method,
        path,
        a.status,
        a.body,
      ]);
    }
    // Both kinds were asked: requests the spec refuses and requests it lets through.
    expect(outcomes.filter(o => o.status === 400).length).toBeGreaterThan(8);
    expect(outcomes.filter(o => o.status === 200).length).toBeGreaterThan(5);
  });

  it('names the field it refuses', async () => {
    const res = await request(appWith(validateBySegment(spec)))
      .post('/evidence')
      .send({ type: 'evidence.coverage' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/entityRef/);
  });
});
