import http from 'node:http';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const maria = () => mockCredentials.user.header('user:default/maria.garcia');
const sam = () => mockCredentials.user.header('user:default/sam.okafor');
const ci = () =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:ci'),
    targetPluginId: 'readiness',
  });

describe('on-call routes', () => {
  let server: http.Server;
  const { sent, factory } = recordingNotifications();
  const escalate = (body: object, as = maria, name = 'rag-api') =>
    request(server)
      .post(`/api/readiness/oncall/component/default/${name}/escalations`)
      .set('Authorization', as())
      .send(body);

  beforeAll(async () => {
    ({ server } = (await startReadinessBackend({
      features: [factory],
      readinessConfig: {
        oncall: { escalationRateLimit: { max: 3, windowMinutes: 10 } },
      },
    })) as any);
  });

  it("shows rag-api's rota: the levels with names from the catalog, and the nights nobody covers", async () => {
    const res = await request(server)
      .get('/api/readiness/oncall/component/default/rag-api')
      .set('Authorization', maria());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/rag-api',
      configured: true,
      provider: 'oncall-as-code',
    });
    expect(
      res.body.levels.map((l: any) => [
        l.level,
        l.timeoutMinutes,
        l.targets.map((t: any) => t.name),
      ]),
    ).toEqual([
      [1, 15, ['Whoever is on call']],
      [2, 30, ['Maria Garcia']],
      [3, 60, ['RAG Team']],
    ]);
    // 08:00-20:00 Berlin time is covered; 12 hours a night are not (a DST change moves it by an hour).
    expect(Math.abs(res.body.uncoveredHours14d - 168)).toBeLessThanOrEqual(12);
    expect(res.body.next).toBeDefined();
    const shifts = [res.body.current, res.body.next].filter(Boolean);
    for (const shift of shifts) {
      expect([
        'user:default/sam.okafor',
        'user:default/li.wei',
        'user:default/priya.nair',
        'user:default/maria.garcia',
      ]).toContain(shift.target.ref);
      expect(Date.parse(shift.end)).toBeGreaterThan(Date.parse(shift.start));
    }
  });

  it('says when an entity has no on-call', async () => {
    const res = await request(server)
      .get('/api/readiness/oncall/component/default/rag-web')
      .set('Authorization', maria());
    expect(res.body).toEqual({
      entityRef: 'component:default/rag-web',
      configured: false,
      levels: [],
      links: [],
    });
    expect((await escalate({ reason: 'help' }, maria, 'rag-web')).status).toBe(
      404,
    );
  });

  it('escalates: records it, notifies the level, goes one level up next time, and is audited per person', async () => {
    const second = await escalate({
      reason: 'OIDC login fails for everyone',
      level: 2,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      level: 2,
      provider: 'oncall-as-code',
      actor: 'user:default/maria.garcia',
      notified: ['user:default/maria.garcia'],
    });
    expect(sent[sent.length - 1]).toMatchObject({
      recipients: { type: 'entity', entityRef: ['user:default/maria.garcia'] },
      payload: { title: 'Escalation (level 2): RAG API', severity: 'critical' },
    });
    // Without a level: the one after the last escalation of this entity.
    const third = await escalate(
      { reason: 'Still down after 30 minutes' },
      sam,
    );
    expect(third.body).toMatchObject({
      level: 3,
      notified: ['group:default/rag-team'],
    });
    const history = await request(server)
      .get('/api/readiness/oncall/component/default/rag-api/escalations')
      .set('Authorization', maria());
    expect(history.body.items.map((e: any) => e.level)).toEqual([3, 2]);
  });

  it('limits escalations per person: 429 with Retry-After', async () => {
    // maria has one already; the limit in this test is 3 per 10 minutes.
    expect((await escalate({ reason: 'again', level: 3 })).status).toBe(201);
    expect((await escalate({ reason: 'and again', level: 3 })).status).toBe(
      201,
    );
    const limited = await escalate({ reason: 'once more', level: 3 });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(
      /At most 3 escalations per 10 minutes/,
    );
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(500);
    // Others are not limited by maria's escalations.
    expect(
      (await escalate({ reason: 'sam is fine', level: 3 }, sam)).status,
    ).toBe(201);
  });

  it.each([
    [{}, 400, /reason/],
    [{ reason: '   ' }, 400, /reason/],
    [{ reason: 'x', level: 0 }, 400, /level/],
    [{ reason: 'x', level: 4 }, 400, /level must be between 1 and 3/],
    [{ reason: 'x', extra: 1 }, 400, /must NOT have additional properties/],
  ])('rejects %j', async (body, status, message) => {
    const res = await escalate(body, sam);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('escalating is for signed-in people; reading needs credentials', async () => {
    expect((await escalate({ reason: 'ci' }, ci)).status).toBe(403);
    expect(
      (
        await request(server)
          .get('/api/readiness/oncall/component/default/rag-api')
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .get('/api/readiness/oncall/component/default/ghost')
          .set('Authorization', maria())
      ).status,
    ).toBe(404);
  });
});
