import { MockFetchApi } from '@backstage/test-utils';
import { TechInsightsScorecardClient } from './api';

describe('TechInsightsScorecardClient', () => {
  const discoveryApi = {
    getBaseUrl: async (id: string) => `http://backend.test/api/${id}`,
  };

  it('runs checks for an entity with a POST to the tech-insights backend', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const fetchApi = new MockFetchApi({
      baseImplementation: async (url: any, init?: RequestInit) => {
        calls.push({ url: String(url), init });
        return new Response(JSON.stringify([]), { status: 200 });
      },
    });
    const client = new TechInsightsScorecardClient({ discoveryApi, fetchApi });
    await client.runChecks(
      { kind: 'Component', namespace: 'default', name: 'rag api' },
      ['titleCheck'],
    );
    expect(calls[0].url).toBe(
      'http://backend.test/api/tech-insights/checks/run/default/Component/rag%20api',
    );
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      checks: ['titleCheck'],
    });
  });

  it('throws a ResponseError carrying the backend message on a bad response', async () => {
    const fetchApi = new MockFetchApi({
      baseImplementation: async () =>
        // The error body shape every Backstage backend answers with.
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            request: { method: 'GET', url: '/api/tech-insights/checks' },
            response: { statusCode: 403 },
          }),
          {
            status: 403,
            headers: { 'Content-Type': 'application/json' },
          },
        ),
    });
    const client = new TechInsightsScorecardClient({ discoveryApi, fetchApi });
    await expect(client.getAllChecks()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError', message: 'Unauthorized' } },
    });
  });
});
