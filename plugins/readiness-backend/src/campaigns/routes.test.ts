import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CampaignDetail,
  CampaignList,
  readinessCampaignNudgePermission,
} from '@readiness-io/plugin-readiness-common';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { addDays, dayOf } from './forecast';

jest.setTimeout(60_000);

const maria = () => mockCredentials.user.header('user:default/maria.garcia');
const sam = () => mockCredentials.user.header('user:default/sam.okafor');
const jordan = () => mockCredentials.user.header('user:default/jordan.lee');
const RAG = ['rag-api', 'rag-ingestion', 'rag-retriever', 'rag-web'].map(
  n => `component:default/${n}`,
);
const OIDC =
  '“OIDC login works end to end” fails, in Backend verified (sprint 2).';

/** A campaign file over the RAG components, started a month ago and due in a month (so the test does not age). */
function campaignFile(extra = '') {
  const today = dayOf(new Date());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-routes-'));
  const file = path.join(dir, 'rag.campaign.yaml');
  fs.writeFileSync(
    file,
    `apiVersion: readiness.io/v1
kind: Campaign
metadata: { name: rag-ready, title: RAG ready }
spec:
  owner: group:default/platform-team
  entities:
    include: [{ kind: Component, 'spec.system': rag-platform }]
  target: { track: rag-production-readiness, gate: deployment-prepared }
  startDate: ${addDays(today, -30)}
  targetDate: ${addDays(today, 30)}
${extra}`,
  );
  return file;
}

/** Jordan is in the platform team (the campaign's owner); everybody else owns only themselves. */
const platformTeamUserInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const user = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: user,
      ownershipEntityRefs:
        user === 'user:default/jordan.lee'
          ? [user, 'group:default/platform-team']
          : [user],
    };
  },
}).factory;

describe('campaign routes', () => {
  let server: http.Server;
  const { sent, factory } = recordingNotifications();
  const get = (url: string, as = maria) =>
    request(server).get(`/api/readiness${url}`).set('Authorization', as());
  const post = (url: string, body: object = {}, as = maria) =>
    request(server)
      .post(`/api/readiness${url}`)
      .set('Authorization', as())
      .send(body);

  beforeAll(async () => {
    ({ server } = (await startReadinessBackend({
      features: [factory, platformTeamUserInfo],
      readinessConfig: {
        demo: { seed: true },
        campaigns: {
          files: [campaignFile(), 'no-such-campaign.yaml'],
          nudgeInterval: { minutes: 30 },
        },
      },
    })) as any);
  });

  it('lists the campaign before any evaluation: every RAG service not measured, no forecast yet', async () => {
    const res = await get('/campaigns');
    expect(res.status).toBe(200);
    const list: CampaignList = res.body;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      campaign: {
        id: 'rag-ready',
        status: 'in-progress',
        target: {
          title:
            '“Deployment prepared (sprint 7)” passes in RAG production readiness',
        },
      },
      progress: { total: 4, notMeasured: 4, done: 0 },
      forecast: { status: 'no-data' },
    });
    expect(list.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^readiness\.campaigns\.files\[1\]: cannot read .*no-such-campaign\.yaml/,
        ),
      }),
    ]);
  });

  it('once evaluated, every RAG service is not done and OIDC login is the blocker behind all four', async () => {
    for (const ref of RAG) {
      const [, name] = ref.split('/');
      const res = await post(`/scorecards/component/default/${name}/refresh`);
      expect(res.status).toBe(200);
    }
    const res = await get('/campaigns/rag-ready');
    expect(res.status).toBe(200);
    const detail: CampaignDetail = res.body;
    expect(detail.progress).toEqual({
      total: 4,
      done: 0,
      notDone: 4,
      notMeasured: 0,
      exempt: 0,
    });
    expect(detail.entities.map(e => [e.entityRef, e.state])).toEqual(
      RAG.map(r => [r, 'not-done']),
    );
    expect(detail.entities[0].needs).toContain(OIDC);
    expect(detail.topBlockers[0]).toEqual({ summary: OIDC, entities: 4 });
    expect(detail.teams).toEqual([
      expect.objectContaining({
        owner: 'group:default/rag-team',
        progress: expect.objectContaining({ total: 4, notDone: 4 }),
      }),
    ]);
    // Today's point is the history so far (nothing recorded on earlier days).
    expect(detail.history).toEqual([
      { day: dayOf(new Date()), total: 4, done: 0, exempt: 0 },
    ]);
  });

  it("shows the campaign on a RAG service's page and nothing on another's", async () => {
    const api = await get('/campaigns/by-entity/component/default/rag-api');
    expect(api.status).toBe(200);
    expect(api.body.items).toEqual([
      expect.objectContaining({
        campaign: expect.objectContaining({ id: 'rag-ready' }),
        state: 'not-done',
        needs: expect.arrayContaining([OIDC]),
      }),
    ]);
    const portal = await get(
      '/campaigns/by-entity/resource/default/rag-staging',
    );
    expect([portal.status, portal.body.items]).toEqual([200, []]);
    expect(
      (await get('/campaigns/by-entity/component/default/nope')).status,
    ).toBe(404);
  });

  it('exempts a service once someone else approves, without touching its scorecard', async () => {
    const before = await get('/scorecards/component/default/rag-web');
    const asked = await post('/campaigns/rag-ready/exemptions', {
      entityRef: 'component:default/rag-web',
      reason: 'rag-web is replaced by the new portal UI in January',
      expiresAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ campaignId: 'rag-ready', checkId: '' });
    // Pending: not exempt yet.
    expect((await get('/campaigns/rag-ready')).body.progress.exempt).toBe(0);
    const selfApproved = await post(`/waivers/${asked.body.id}/approve`);
    expect(selfApproved.status).toBe(403);
    expect(
      (await post(`/waivers/${asked.body.id}/approve`, {}, sam)).status,
    ).toBe(200);
    const detail: CampaignDetail = (await get('/campaigns/rag-ready')).body;
    expect(detail.progress).toMatchObject({ exempt: 1, notDone: 3 });
    expect(
      detail.entities.find(e => e.entityRef === 'component:default/rag-web'),
    ).toMatchObject({
      state: 'exempt',
      exemption: { approvedBy: 'user:default/sam.okafor' },
    });
    const after = await get('/scorecards/component/default/rag-web');
    const statuses = (body: any) =>
      body.evaluations.map((e: any) =>
        e.gates.map((g: any) => [g.gateId, g.status]),
      );
    expect(statuses(after.body)).toEqual(statuses(before.body));
  });

  it('refuses an exemption outside the scope or with a bad field, naming it', async () => {
    const outside = await post('/campaigns/rag-ready/exemptions', {
      entityRef: 'resource:default/rag-staging',
      reason: 'r',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(
      /^entityRef: .* is not in the scope of the campaign 'RAG ready'/,
    );
    const past = await post('/campaigns/rag-ready/exemptions', {
      entityRef: 'component:default/rag-api',
      reason: 'r',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect([past.status, past.body.error.message]).toEqual([
      400,
      'expiresAt: must be in the future',
    ]);
    const extra = await post('/campaigns/rag-ready/exemptions', {
      entityRef: 'component:default/rag-api',
      reason: 'r',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      sneaky: true,
    });
    expect(extra.status).toBe(400);
    expect(
      (
        await post('/campaigns/nope/exemptions', {
          entityRef: 'component:default/rag-api',
          reason: 'r',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).status,
    ).toBe(404);
  });

  it('lets the campaign owner nudge the owners behind once per interval, and says when the next is possible', async () => {
    sent.length = 0;
    const res = await post('/campaigns/rag-ready/nudge', {}, jordan);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      campaignId: 'rag-ready',
      kind: 'nudge',
      recipients: ['group:default/rag-team'],
      entities: 3,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/rag-team' },
      payload: {
        title: expect.stringMatching(
          /^RAG ready: 3 of your entities are not done; due /,
        ),
        link: '/readiness/campaigns/rag-ready',
      },
    });
    expect(sent[0].payload.description).toContain(`RAG API: ${OIDC}`);
    const notOwner = await post('/campaigns/rag-ready/nudge', {}, maria);
    expect([notOwner.status, notOwner.body.error.message]).toEqual([
      403,
      "Only the owner of the campaign 'RAG ready' (platform-team) may remind the teams behind",
    ]);
    const again = await post('/campaigns/rag-ready/nudge', {}, jordan);
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(1700);
    expect(again.body.error.message).toMatch(/next nudge is possible in/);
    expect(sent).toHaveLength(1);
    expect((await post('/campaigns/nope/nudge', {}, jordan)).status).toBe(404);
  });
});

describe('campaign nudge without its permission', () => {
  it('answers 403 when readiness.campaign.nudge is denied, though reading is allowed', async () => {
    const { server } = await startReadinessBackend({
      readinessConfig: { campaigns: { files: [campaignFile()] } },
      features: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result:
                r.permission.name === readinessCampaignNudgePermission.name
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
        }).factory,
      ],
    });
    const nudge = await request(server)
      .post('/api/readiness/campaigns/rag-ready/nudge')
      .set('Authorization', maria());
    expect(nudge.status).toBe(403);
    expect(nudge.body.error.message).toContain('readiness.campaign.nudge');
    const read = await request(server)
      .get('/api/readiness/campaigns/rag-ready')
      .set('Authorization', maria());
    expect(read.status).toBe(200);
  });
});
