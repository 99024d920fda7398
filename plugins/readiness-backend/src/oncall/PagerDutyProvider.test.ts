import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PagerDutyProvider, readPagerDutyConfig } from './PagerDutyProvider';

/**
 * A loopback PagerDuty: REST API v2 and Events API v2 answering with the documented response shapes
 * (https://developer.pagerduty.com/api-reference), including its error bodies and 429 rate limiting.
 */
function fakePagerDuty() {
  const requests: Array<{
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];
  let rateLimited = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      requests.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body,
      });
      const json = (
        status: number,
        value: unknown,
        headers: Record<string, string> = {},
      ) => {
        res.writeHead(status, {
          'Content-Type': 'application/json',
          ...headers,
        });
        res.end(JSON.stringify(value));
      };
      const url = new URL(req.url!, 'http://x');
      if (
        req.headers.authorization !== 'Token token=pd-token' &&
        !url.pathname.startsWith('/v2/enqueue')
      ) {
        return json(401, {
          error: { message: 'Authentication failed', code: 2006 },
        });
      }
      if (rateLimited > 0) {
        rateLimited--;
        return json(
          429,
          { error: { message: 'Rate Limit Exceeded', code: 2020 } },
          {
            'ratelimit-limit': '960',
            'ratelimit-remaining': '0',
            'ratelimit-reset': '0',
          },
        );
      }
      if (url.pathname === '/services/PSVC001') {
        return json(200, {
          service: {
            id: 'PSVC001',
            type: 'service',
            summary: 'RAG API',
            escalation_policy: {
              id: 'PESC001',
              type: 'escalation_policy_reference',
              summary: 'RAG',
            },
          },
        });
      }
      if (url.pathname.startsWith('/services/'))
        return json(404, { error: { message: 'Not Found', code: 2100 } });
      if (url.pathname === '/escalation_policies/PESC001') {
        return json(200, {
          escalation_policy: {
            id: 'PESC001',
            type: 'escalation_policy',
            escalation_rules: [
              {
                id: 'R1',
                escalation_delay_in_minutes: 15,
                targets: [
                  {
                    id: 'PSCH001',
                    type: 'schedule_reference',
                    summary: 'RAG primary',
                  },
                ],
              },
              {
                id: 'R2',
                escalation_delay_in_minutes: 30,
                targets: [
                  {
                    id: 'PUSR009',
                    type: 'user_reference',
                    summary: 'Maria Garcia',
                  },
                ],
              },
            ],
          },
        });
      }
      if (url.pathname === '/oncalls') {
        expect(url.searchParams.getAll('escalation_policy_ids[]')).toEqual([
          'PESC001',
        ]);
        const offset = Number(url.searchParams.get('offset'));
        const all = [
          {
            escalation_level: 1,
            start: '2026-11-25T08:00:00Z',
            end: '2026-11-26T08:00:00Z',
            user: {
              id: 'PUSR001',
              type: 'user',
              summary: 'Sam Okafor',
              email: 'sam@example.com',
            },
            schedule: {
              id: 'PSCH001',
              type: 'schedule_reference',
              summary: 'RAG primary',
            },
          },
          {
            escalation_level: 2,
            start: null,
            end: null,
            user: { id: 'PUSR009', type: 'user', summary: 'Maria Garcia' },
            schedule: null,
          },
          {
            escalation_level: 1,
            start: '2026-11-26T08:00:00Z',
            end: '2026-11-27T00:00:00Z',
            user: { id: 'PUSR002', type: 'user', summary: 'Li Wei' },
            schedule: {
              id: 'PSCH001',
              type: 'schedule_reference',
              summary: 'RAG primary',
            },
          },
        ];
        // Two per page, as PagerDuty pages with limit/offset/more.
        return json(200, {
          oncalls: all.slice(offset, offset + 2),
          limit: 2,
          offset,
          more: offset + 2 < all.length,
          total: null,
        });
      }
      if (url.pathname === '/v2/enqueue') {
        const event = JSON.parse(body);
        if (event.routing_key !== 'R0UT1NGKEY00000000000000000000')
          return json(400, {
            status: 'invalid event',
            message: 'Event object is invalid',
            errors: ['Invalid routing key'],
          });
        return json(202, {
          status: 'success',
          message: 'Event processed',
          dedup_key: event.dedup_key,
        });
      }
      return json(404, { error: { message: 'Not Found', code: 2100 } });
    });
  });
  return {
    server,
    requests,
    rateLimitNext(n: number) {
      rateLimited = n;
    },
  };
}

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rag-api', title: 'RAG API', annotations },
  spec: {},
});
const rag = entity({
  'pagerduty.com/service-id': 'PSVC001',
  'pagerduty.com/integration-key': 'R0UT1NGKEY00000000000000000000',
});

describe('PagerDutyProvider', () => {
  const pd = fakePagerDuty();
  let base: string;
  const provider = (overrides: object = {}) =>
    new PagerDutyProvider(
      readPagerDutyConfig(
        new ConfigReader({
          readiness: {
            oncall: {
              pagerduty: {
                apiBaseUrl: base,
                eventsBaseUrl: base,
                webBaseUrl: 'https://acme.pagerduty.com',
                token: 'pd-token',
                maxRetryWaitMs: 10,
                ...overrides,
              },
            },
          },
        }),
      )!,
      mockServices.logger.mock(),
    );

  beforeAll(async () => {
    await new Promise<void>(resolve =>
      pd.server.listen(0, '127.0.0.1', resolve),
    );
    base = `http://127.0.0.1:${(pd.server.address() as AddressInfo).port}`;
  });
  afterAll(() => pd.server.close());

  it('supports entities with pagerduty.com/service-id, and links to the service', async () => {
    expect(provider().supports(rag)).toBe(true);
    expect(provider().supports(entity({}))).toBe(false);
    expect(await provider().getLinks(rag)).toEqual([
      {
        title: 'PagerDuty service',
        url: 'https://acme.pagerduty.com/service-directory/PSVC001',
      },
    ]);
  });

  it("reads the escalation policy of the entity's service", async () => {
    expect(await provider().getEscalationLevels(rag)).toEqual([
      {
        level: 1,
        timeoutMinutes: 15,
        targets: [
          {
            ref: 'pagerduty:schedule/PSCH001',
            name: 'RAG primary',
            type: 'schedule',
          },
        ],
      },
      {
        level: 2,
        timeoutMinutes: 30,
        targets: [
          { ref: 'pagerduty:user/PUSR009', name: 'Maria Garcia', type: 'user' },
        ],
      },
    ]);
    expect(pd.requests.at(-1)!.headers.accept).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
  });

  it('pages through /oncalls and returns the level-1 shifts inside the window', async () => {
    const shifts = await provider().getShifts(rag, {
      from: new Date('2026-11-25T12:00:00Z'),
      to: new Date('2026-11-27T12:00:00Z'),
    });
    expect(shifts).toEqual([
      {
        target: {
          ref: 'pagerduty:user/PUSR001',
          name: 'Sam Okafor',
          email: 'sam@example.com',
          type: 'user',
        },
        start: '2026-11-25T12:00:00.000Z',
        end: '2026-11-26T08:00:00.000Z',
        source: 'RAG primary',
      },
      {
        target: { ref: 'pagerduty:user/PUSR002', name: 'Li Wei', type: 'user' },
        start: '2026-11-26T08:00:00.000Z',
        end: '2026-11-27T00:00:00.000Z',
        source: 'RAG primary',
      },
    ]);
    expect(
      pd.requests
        .filter(r => r.url.startsWith('/oncalls'))
        .map(r => new URL(r.url, 'http://x').searchParams.get('offset')),
    ).toEqual(['0', '2']);
  });

  it('reads the service and its policy once for shifts and levels asked for together', async () => {
    const before = pd.requests.length;
    const p = provider();
    await Promise.all([
      p.getShifts(rag, {
        from: new Date('2026-11-25T12:00:00Z'),
        to: new Date('2026-11-26T12:00:00Z'),
      }),
      p.getEscalationLevels(rag),
    ]);
    const paths = pd.requests
      .slice(before)
      .map(r => new URL(r.url, 'http://x').pathname);
    expect(paths.filter(x => x === '/services/PSVC001')).toHaveLength(1);
    expect(
      paths.filter(x => x === '/escalation_policies/PESC001'),
    ).toHaveLength(1);
  });

  it('escalates by triggering an incident through the Events API v2', async () => {
    const result = await provider().escalate(rag, {
      level: 1,
      reason: 'OIDC down',
      actor: 'user:default/maria.garcia',
      escalationId: 'esc-1',
    });
    expect(result).toEqual({
      notified: [],
      externalId: 'esc-1',
      message: expect.stringMatching(
        /PagerDuty incident triggered \(dedup key esc-1\)/,
      ),
    });
    const event = JSON.parse(pd.requests.at(-1)!.body);
    expect(event).toMatchObject({
      routing_key: 'R0UT1NGKEY00000000000000000000',
      event_action: 'trigger',
      dedup_key: 'esc-1',
      payload: {
        summary: 'RAG API: OIDC down',
        severity: 'critical',
        source: 'backstage-readiness',
      },
    });
  });

  it('retries after a 429 as the rate-limit headers say, and gives up with a 503 after maxRetries', async () => {
    pd.rateLimitNext(2);
    expect(await provider().getEscalationLevels(rag)).toHaveLength(2);
    pd.rateLimitNext(3);
    await expect(provider().getEscalationLevels(rag)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /rate limit exceeded.*Rate Limit Exceeded \(code 2020\)/,
      ),
    });
    pd.rateLimitNext(0);
  });

  it("turns PagerDuty's errors into ours", async () => {
    await expect(
      provider({ token: 'wrong' }).getEscalationLevels(rag),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'PagerDuty answered 401: Authentication failed (code 2006)',
    });
    await expect(
      provider().getEscalationLevels(
        entity({ 'pagerduty.com/service-id': 'PNOPE' }),
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'PagerDuty: Not Found (code 2100)',
    });
    await expect(
      provider().escalate(
        entity({
          'pagerduty.com/service-id': 'PSVC001',
          'pagerduty.com/integration-key': 'bad',
        }),
        { level: 1, reason: 'x', actor: 'a', escalationId: 'e' },
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /Event object is invalid: Invalid routing key/,
      ),
    });
    await expect(
      provider().escalate(entity({ 'pagerduty.com/service-id': 'PSVC001' }), {
        level: 1,
        reason: 'x',
        actor: 'a',
        escalationId: 'e',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/pagerduty.com\/integration-key/),
    });
    await expect(
      provider({ apiBaseUrl: 'http://127.0.0.1:1' }).getEscalationLevels(rag),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(/cannot be reached/),
    });
  });

  it('reads its config, and refuses a base URL that is not http(s)', () => {
    expect(readPagerDutyConfig(new ConfigReader({}))).toBeUndefined();
    expect(
      readPagerDutyConfig(
        new ConfigReader({
          readiness: { oncall: { pagerduty: { token: 't' } } },
        }),
      ),
    ).toMatchObject({
      apiBaseUrl: 'https://api.pagerduty.com',
      eventsBaseUrl: 'https://events.pagerduty.com',
    });
    expect(() =>
      readPagerDutyConfig(
        new ConfigReader({
          readiness: {
            oncall: { pagerduty: { token: 't', apiBaseUrl: 'ftp://x' } },
          },
        }),
      ),
    ).toThrow(/apiBaseUrl must be an http\(s\) URL/);
  });
});
