import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReadinessApi } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../api';
import { rootRouteRef } from '../routes';
import scorecard from '../__fixtures__/scorecard-rag-api.json';
import scorecardSummary from '../__fixtures__/scorecard-summary-rag-api.json';
import history from '../__fixtures__/history-rag-api.json';
import system from '../__fixtures__/system-rag-platform.json';
import overview from '../__fixtures__/overview.json';
import overviewBaseline from '../__fixtures__/overview-service-baseline.json';
import overviewBaselinePassed from '../__fixtures__/overview-service-baseline-passed.json';
import matrix from '../__fixtures__/deployments-matrix-rag-api.json';
import deployments from '../__fixtures__/deployments-rag-api.json';
import runbooks from '../__fixtures__/runbooks-rag-api.json';
import oncall from '../__fixtures__/oncall-rag-api.json';
import environments from '../__fixtures__/environments-rag-platform.json';
import campaigns from '../__fixtures__/campaigns.json';
import campaign from '../__fixtures__/campaign-rag-ready-for-production.json';
import entityCampaigns from '../__fixtures__/campaigns-rag-api.json';

/**
 * Responses recorded from the real backend running the demo catalog (`npm start`, then the GET routes), so the
 * components are tested against the shapes the backend really sends.
 */
export const fixtures = {
  scorecard,
  scorecardSummary,
  history,
  system,
  overview,
  /** The backend's answers to the overview, by query string. */
  overviews: {
    '': overview,
    'trackId=service-baseline': overviewBaseline,
    'trackId=service-baseline&status=passed': overviewBaselinePassed,
  } as Record<string, any>,
  matrix,
  deployments,
  runbooks,
  oncall,
  environments,
  campaigns,
  campaign,
  entityCampaigns,
} as any;

export const ragApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'rag-api',
    namespace: 'default',
    title: 'RAG API',
    annotations: {
      'readiness.io/runbooks': 'runbooks/oidc-outage.md',
      'readiness.io/oncall': 'oncall/rag-team.yaml',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/rag-team',
    system: 'rag-platform',
    lifecycle: 'experimental',
  },
};

export const ragPlatform: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'rag-platform',
    namespace: 'default',
    title: 'RAG platform',
  },
  spec: { owner: 'group:default/rag-team' },
};

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`unexpected call: ${name}`));

/** A ReadinessApi answering from the fixtures; override any method per test. */
export function fakeApi(
  overrides: Partial<ReadinessApi> = {},
): ReadinessApi & { calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const base: ReadinessApi = {
    getTracks: async () => fixtures.scorecard.tracks.map((t: any) => t.track),
    getTrackSource: unexpected('getTrackSource'),
    previewTrack: unexpected('previewTrack'),
    getScorecard: async () => fixtures.scorecard,
    getScorecardSummary: async () => fixtures.scorecardSummary,
    // The answers the backend gave to these filters (recorded); the page shows what it gets.
    getOverview: async (filters = {}) => {
      const key = new URLSearchParams(
        filters as Record<string, string>,
      ).toString();
      const answer = fixtures.overviews[key];
      if (!answer) throw new Error(`no recorded overview for '${key}'`);
      return answer;
    },
    getScorecardHistory: async () => fixtures.history.items,
    refreshScorecard: async () => [],
    getGate: unexpected('getGate'),
    getSystemReadiness: async () => fixtures.system,
    createEvidence: unexpected('createEvidence'),
    createAttestation: unexpected('createAttestation'),
    requestWaiver: unexpected('requestWaiver'),
    approveWaiver: unexpected('approveWaiver'),
    revokeWaiver: unexpected('revokeWaiver'),
    createDeployment: unexpected('createDeployment'),
    createDeployments: unexpected('createDeployments'),
    listDeployments: async (_ref, options = {}) => {
      const items = fixtures.deployments.items.filter(
        (d: any) =>
          !options.environment || d.environment === options.environment,
      );
      return {
        items: items.slice(
          options.offset ?? 0,
          (options.offset ?? 0) + (options.limit ?? 20),
        ),
        total: items.length,
      };
    },
    getDeploymentMatrix: async () => fixtures.matrix,
    getSystemDeployments: unexpected('getSystemDeployments'),
    rollbackDeployment: unexpected('rollbackDeployment'),
    getRunbooks: async () => fixtures.runbooks,
    getRunbooksByAlert: async (alert: string) => ({ alert, items: [] }),
    getOnCall: async () => fixtures.oncall,
    listEscalations: async () => [],
    escalate: unexpected('escalate'),
    listEnvironments: async () => fixtures.environments.items,
    recordEnvironment: unexpected('recordEnvironment'),
    decommissionEnvironment: unexpected('decommissionEnvironment'),
    listCampaigns: async () => fixtures.campaigns,
    getCampaign: async (id: string) => {
      if (id !== fixtures.campaign.campaign.id)
        throw new Error(`no recorded campaign '${id}'`);
      return fixtures.campaign;
    },
    getEntityCampaigns: async () => fixtures.entityCampaigns,
    nudgeCampaign: unexpected('nudgeCampaign'),
    requestCampaignExemption: unexpected('requestCampaignExemption'),
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(base).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls.push([name, args]);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as ReadinessApi;
  return Object.assign(recorded, { calls });
}

/** Renders a component in a test app, inside an entity, with the API and a permission decision. */
export function render(
  element: ReactElement,
  options: {
    api?: ReadinessApi;
    entity?: Entity;
    allow?: boolean | ((permission: string) => boolean);
    onPermission?: (name: string) => void;
    /** Where the test app starts (default `/`). */
    routeEntries?: string[];
    /** What the signed-in user owns (their groups); default: only themselves. */
    ownership?: string[];
    /** Whether the app mounts the Readiness page (default true). */
    withReadinessPage?: boolean;
  } = {},
) {
  const api = options.api ?? fakeApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, api],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/jordan.lee',
            ownershipEntityRefs: [
              'user:default/jordan.lee',
              ...(options.ownership ?? []),
            ],
          }),
        ],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request => {
              options.onPermission?.(request.permission.name);
              const allowed =
                typeof options.allow === 'function'
                  ? options.allow(request.permission.name)
                  : options.allow !== false;
              return allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
            },
          }),
        ],
      ]}
    >
      {/* usePermission caches decisions in SWR; a cache per render keeps one test's decisions out of the next. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={options.entity ?? ragApi}>
          {element}
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    {
      ...(options.routeEntries ? { routeEntries: options.routeEntries } : {}),
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.withReadinessPage === false
          ? {}
          : { '/readiness': rootRouteRef }),
      },
    },
  );
}
