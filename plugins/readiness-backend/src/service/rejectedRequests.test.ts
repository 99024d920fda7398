import { InputError, NotFoundError } from '@backstage/errors';
import { ReadinessMetrics } from './ReadinessMetrics';
import { countRejectedRequests, ingestionSourceOf } from './rejectedRequests';

/** Records what the middleware counts (the metrics' own test covers the instruments). */
function recorder() {
  const calls: string[] = [];
  const metrics = {
    rejectedRequest: (status: number) => calls.push(`rejected ${status}`),
    ingestionFailed: (source: string, status: number) =>
      calls.push(`ingestion ${source} ${status}`),
    databaseUnreachable: () => calls.push('database unreachable'),
  } as unknown as ReadinessMetrics;
  return { calls, metrics };
}

function run(
  error: unknown,
  req: { method: string; path: string },
): { calls: string[]; passedOn: unknown } {
  const { calls, metrics } = recorder();
  let passedOn: unknown;
  countRejectedRequests(metrics)(error, req as any, {} as any, e => {
    passedOn = e;
  });
  return { calls, passedOn };
}

describe('ingestionSourceOf', () => {
  it.each([
    ['POST', '/evidence', 'evidence'],
    ['POST', '/evidence/batch', 'evidence'],
    ['POST', '/deployments', 'deployments'],
    ['POST', '/deployments/batch', 'deployments'],
    ['GET', '/evidence', undefined],
    ['GET', '/deployments', undefined],
    ['POST', '/deployments/component/default/rag-api', undefined],
    ['POST', '/scorecards/component/default/rag-api/refresh', undefined],
  ])('%s %s → %s', (method, path, expected) => {
    expect(ingestionSourceOf({ method, path })).toBe(expected);
  });
});

describe('countRejectedRequests', () => {
  it('counts a refused push as rejected and as an ingestion error, and passes the error on', () => {
    const error = new InputError('value.status must be a string');
    const { calls, passedOn } = run(error, {
      method: 'POST',
      path: '/evidence',
    });
    expect(calls).toEqual(['rejected 400', 'ingestion evidence 400']);
    expect(passedOn).toBe(error);
  });

  it('counts a 404 of a page as rejected only', () => {
    expect(
      run(new NotFoundError('no such entity'), {
        method: 'GET',
        path: '/scorecards/component/default/ghost',
      }).calls,
    ).toEqual(['rejected 404']);
  });

  it('counts an unreachable database as a 503 of the push and as database unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    expect(
      run(refused, { method: 'POST', path: '/deployments' }).calls,
    ).toEqual(['ingestion deployments 503', 'database unreachable']);
    expect(run(refused, { method: 'GET', path: '/runbooks' }).calls).toEqual([
      'database unreachable',
    ]);
  });

  it('counts a fault of a push as a 500 ingestion error, not as rejected', () => {
    expect(
      run(new TypeError('boom'), { method: 'POST', path: '/evidence/batch' })
        .calls,
    ).toEqual(['ingestion evidence 500']);
  });
});
