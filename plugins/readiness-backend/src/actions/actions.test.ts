import fs from 'node:fs';
import path from 'node:path';
import { targetPaths } from '@backstage/cli-common';
import {
  BackstageCredentials,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ActionsService,
  actionsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  readinessEvidenceCreatePermission,
  readinessReadPermission,
} from '@readiness-io/plugin-readiness-common';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

/** Starts the readiness backend with the real actions registry and service, and hands out the actions service. */
async function start(features: any[] = []) {
  let actions: ActionsService | undefined;
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: { actionsService: actionsServiceRef },
        async init({ actionsService }) {
          actions = actionsService;
        },
      });
    },
  });
  await startReadinessBackend({
    config: { backend: { actions: { pluginSources: ['readiness'] } } },
    readinessConfig: {
      oncall: { escalationRateLimit: { max: 1, windowMinutes: 60 } },
      campaigns: {
        files: [
          path.join(
            targetPaths.rootDir,
            'examples/readiness/rag-ready-for-production.campaign.yaml',
          ),
        ],
      },
    },
    features: [
      recordingNotifications().factory,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      probe,
      ...features,
    ],
  });
  return actions!;
}

const maria = mockCredentials.user('user:default/maria.garcia');
const sam = mockCredentials.user('user:default/sam.okafor');
const ci = mockCredentials.service('external:ci');

async function invoke(
  actions: ActionsService,
  name: string,
  input: object,
  credentials: BackstageCredentials = maria,
) {
  const { output } = await actions.invoke({
    id: `readiness:${name}`,
    input: input as any,
    credentials,
  });
  return output as any;
}

/** The message a failed action answers with (the actions service wraps it in a ResponseError, as MCP unwraps it). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      body?: { error?: { name?: string; message?: string } };
    };
    return `${e.body?.error?.name}: ${e.body?.error?.message}`;
  }
  throw new Error('the action succeeded');
}

describe('readiness actions, through the actions service', () => {
  let actions: ActionsService;
  beforeAll(async () => {
    actions = await start();
  });

  it('lists every action with truthful attributes, titles and descriptions', async () => {
    const { actions: listed } = await actions.list({ credentials: maria });
    const byName = Object.fromEntries(listed.map(a => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual([
      'attest-check',
      'escalate-on-call',
      'explain-gate',
      'find-runbook-for-alert',
      'get-campaign',
      'get-deployments',
      'get-entity-readiness',
      'get-on-call',
      'get-system-readiness',
      'list-readiness',
      'preview-track-change',
      'record-evidence',
      'request-waiver',
    ]);
    for (const name of [
      'get-campaign',
      'get-entity-readiness',
      'explain-gate',
      'get-system-readiness',
      'list-readiness',
      'get-deployments',
      'get-on-call',
      'find-runbook-for-alert',
      'preview-track-change',
    ]) {
      expect(byName[name].attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
    }
    expect(byName['record-evidence'].attributes).toEqual({
      readOnly: false,
      idempotent: true,
      destructive: false,
    });
    expect(byName['escalate-on-call'].attributes).toMatchObject({
      readOnly: false,
      idempotent: false,
    });
    for (const action of listed) {
      expect(action.pluginId).toBe('readiness');
      expect(action.description.length).toBeGreaterThan(80);
      expect(action.schema.input).toMatchObject({ type: 'object' });
    }
  });

  it('get-entity-readiness: what blocks rag-api, in words, compactly', async () => {
    await invoke(
      actions,
      'record-evidence',
      {
        entityRef: 'rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'failed', failed: 3 },
      },
      ci,
    );
    const answer = await invoke(actions, 'get-entity-readiness', {
      entityRef: 'rag-api',
    });
    expect(answer.title).toBe('RAG API');
    expect(answer.canShip).toBe(false);
    const rag = answer.tracks.find(
      (t: any) => t.trackId === 'rag-production-readiness',
    );
    expect(rag.nextGate).toBe('Backend verified (sprint 2)');
    expect(rag.blockers[0]).toMatchObject({
      checkId: 'oidc-login',
      check: 'OIDC login works end to end',
      gate: 'Backend verified (sprint 2)',
      status: 'fail',
    });
    expect(rag.blockers[0].why).toMatch(/3 of 3 tests failed/);
    expect(JSON.stringify(answer).length).toBeLessThan(12_000);
  });

  it('explain-gate: the gate report of the CLI', async () => {
    const answer = await invoke(actions, 'explain-gate', {
      entityRef: 'component:default/rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'deployment-prepared',
    });
    expect(answer.passed).toBe(false);
    expect(answer.headline).toBe(
      'RAG API has not passed “Deployment prepared (sprint 7)” (RAG production readiness): it is blocked behind Backend verified (sprint 2).',
    );
    expect(answer.details).toContain(
      'What blocks it, at the bottom of the chain:',
    );
  });

  it('list-readiness, get-system-readiness, get-deployments, get-on-call and find-runbook-for-alert answer in words', async () => {
    // The overview reads stored results: wait for the evaluation the evidence above asked for.
    let list = await invoke(actions, 'list-readiness', { owner: 'rag-team' });
    for (let i = 0; i < 50 && list.notReady === 0; i++) {
      await new Promise(r => setTimeout(r, 200));
      list = await invoke(actions, 'list-readiness', { owner: 'rag-team' });
    }
    expect(list.notReady).toBeGreaterThan(0);
    expect(
      list.items.find((i: any) => i.title === 'RAG API').readiness,
    ).toMatch(/^Not ready: the next gate, “Backend verified \(sprint 2\)”/);
    const system = await invoke(actions, 'get-system-readiness', {
      systemRef: 'rag-platform',
    });
    expect(system.systemRef).toBe('system:default/rag-platform');
    expect(system.rootCauses[0]).toMatchObject({
      check: 'OIDC login works end to end',
    });
    const deployments = await invoke(actions, 'get-deployments', {
      entityRef: 'rag-api',
    });
    expect(deployments.environments.length).toBeGreaterThan(0);
    expect(deployments.environments[0].summary).toMatch(
      /^.+: nothing deployed successfully yet\.$/,
    );
    const oncall = await invoke(actions, 'get-on-call', {
      entityRef: 'rag-api',
    });
    expect(oncall.configured).toBe(true);
    expect(oncall.escalationLevels[0]).toMatch(
      /^Level 1: .+ \(after \d+ minutes\)$/,
    );
    const runbook = await invoke(actions, 'find-runbook-for-alert', {
      alert: 'OidcLoginFailures',
    });
    expect(runbook.runbooks[0]).toMatchObject({ service: 'rag-api' });
    expect(runbook.summary).toMatch(/ covers OidcLoginFailures\.$/);
    const none = await invoke(actions, 'find-runbook-for-alert', {
      alert: 'NoSuchAlert',
    });
    expect(none.summary).toBe('No runbook lists the alert NoSuchAlert.');
  });

  it('get-campaign: every campaign in a line, or one with its blockers and what the services need', async () => {
    const all = await invoke(actions, 'get-campaign', {});
    expect(all.campaigns).toEqual([
      {
        id: 'rag-ready-for-production',
        title: 'RAG platform ready for production',
        summary: expect.stringMatching(
          /^0 of 4 done \(goal: “Deployment prepared \(sprint 7\)” passes in RAG production readiness, by 15 January 2027\)\. /,
        ),
      },
    ]);
    const one = await invoke(actions, 'get-campaign', {
      campaignId: 'rag-ready-for-production',
    });
    expect(one.notDone.map((e: any) => e.service).sort()).toEqual([
      'RAG API',
      'RAG Ingestion',
      'RAG Retriever',
      'RAG Web',
    ]);
    expect(JSON.stringify(one)).not.toMatch(/component:default|group:default/);
    expect(
      await failure(invoke(actions, 'get-campaign', { campaignId: 'nope' })),
    ).toBe("NotFoundError: No campaign 'nope'");
  });

  it('preview-track-change: the impact in sentences, or the errors with their line', async () => {
    const invalid = await invoke(actions, 'preview-track-change', {
      track:
        'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: x }\nspec: {}\n',
    });
    expect(invalid.valid).toBe(false);
    expect(invalid.problems[0].message).toMatch(
      /^proposed track: spec\.appliesTo: /,
    );
    expect(invalid.problems[0].line).toBe(4);
    const same = await invoke(actions, 'preview-track-change', {
      track: fs.readFileSync(
        path.join(
          targetPaths.rootDir,
          'examples/readiness/service-baseline.yaml',
        ),
        'utf8',
      ),
    });
    expect(same).toMatchObject({
      valid: true,
      entitiesChanged: 0,
      impacts: [],
      problems: [],
    });
    expect(same.headline).toMatch(
      /^Compared with the current track, Service baseline changes no status of the \d+ /,
    );
  });

  it('record-evidence: idempotent by externalId; the next blocker follows', async () => {
    const first = await invoke(
      actions,
      'record-evidence',
      {
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'passed' },
        externalId: 'rag-api-1501-oidc',
      },
      ci,
    );
    expect(first).toMatchObject({ recorded: true });
    expect(first.summary).toBe(
      'Recorded evidence.tests.oidc-login for rag-api; its readiness is being evaluated again.',
    );
    const again = await invoke(
      actions,
      'record-evidence',
      {
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'passed' },
        externalId: 'rag-api-1501-oidc',
      },
      ci,
    );
    expect(again).toMatchObject({ recorded: false, id: first.id });
    const answer = await invoke(actions, 'get-entity-readiness', {
      entityRef: 'rag-api',
    });
    const rag = answer.tracks.find(
      (t: any) => t.trackId === 'rag-production-readiness',
    );
    expect(rag.blockers.map((b: any) => b.checkId)).not.toContain('oidc-login');
    expect(rag.blockers[0].checkId).toBe('backend-api-tests');
  });

  it('rejects bad input naming the field, before doing anything', async () => {
    expect(
      await failure(
        invoke(
          actions,
          'record-evidence',
          { entityRef: 'rag-api', type: 'tests.oidc', value: 1 },
          ci,
        ),
      ),
    ).toMatch(/^InputError: .*type/s);
    expect(
      await failure(
        invoke(actions, 'get-entity-readiness', { entityRef: 'component:' }),
      ),
    ).toBe("InputError: entityRef: 'component:' is not an entity ref");
    // The NUL character, refused as the routes refuse it (PostgreSQL cannot store it).
    expect(
      await failure(
        invoke(
          actions,
          'record-evidence',
          {
            entityRef: 'rag-api',
            type: 'evidence.tests.api',
            value: { status: 'pa\u0000ssed' },
          },
          ci,
        ),
      ),
    ).toBe(
      'InputError: value.status: must not contain the NUL character (U+0000)',
    );
  });

  it('write actions for people refuse services; a waiver asked for waits for somebody else to approve it', async () => {
    expect(
      await failure(
        invoke(
          actions,
          'attest-check',
          {
            entityRef: 'rag-api',
            trackId: 'rag-production-readiness',
            gateId: 'deployment-prepared',
            checkId: 'disaster-recovery-testing',
            note: 'restored the backup into a fresh database',
          },
          ci,
        ),
      ),
    ).toMatch(/^NotAllowedError: Only a signed-in person may do this/);
    const requested = await invoke(actions, 'request-waiver', {
      entityRef: 'rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'backend-verified',
      checkId: 'backend-coverage',
      reason: 'coverage tooling moves to the new runner next sprint',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(requested.summary).toMatch(
      /^Asked to waive backend-coverage for rag-api until .+; it applies once someone other than you approves it\.$/,
    );
    const attested = await invoke(
      actions,
      'attest-check',
      {
        entityRef: 'rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'deployment-prepared',
        checkId: 'disaster-recovery-testing',
        note: 'restored the backup into a fresh database',
      },
      sam,
    );
    expect(attested.summary).toMatch(
      /^Signed off disaster-recovery-testing for rag-api as sam\.okafor, valid until /,
    );
  });

  it('escalate-on-call: pages as the person, and says the rate limit as a conflict', async () => {
    // Level 2 (Maria): level 1 is whoever is on call, and the demo rota leaves nights uncovered.
    const paged = await invoke(actions, 'escalate-on-call', {
      entityRef: 'rag-api',
      reason: 'OIDC logins fail in staging',
      level: 2,
    });
    expect(paged.level).toBe(2);
    expect(
      await failure(
        invoke(actions, 'escalate-on-call', {
          entityRef: 'rag-api',
          reason: 'still failing',
        }),
      ),
    ).toMatch(/^ConflictError: At most 1 escalations per 60 minutes/);
  });
});

describe('readiness actions without the permissions', () => {
  it('answer NotAllowed exactly where the routes answer 403', async () => {
    const actions = await start([
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result: [
              readinessReadPermission.name,
              readinessEvidenceCreatePermission.name,
            ].includes(r.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          })),
      }).factory,
    ]);
    expect(
      await failure(
        invoke(actions, 'get-entity-readiness', { entityRef: 'rag-api' }),
      ),
    ).toBe('NotAllowedError: Not allowed: readiness.scorecard.read');
    expect(
      await failure(
        invoke(
          actions,
          'record-evidence',
          {
            entityRef: 'rag-api',
            type: 'evidence.tests.oidc-login',
            value: { status: 'passed' },
          },
          mockCredentials.user('user:default/guest'),
        ),
      ),
    ).toBe('NotAllowedError: Not allowed: readiness.evidence.create');
  });
});
