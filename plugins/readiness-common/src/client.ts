import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  Attestation,
  CheckTargetRequest,
  EntityScorecard,
  joinScorecard,
  ScorecardAnswer,
  ScorecardSummary,
  GateAnswer,
  ReadinessOverview,
  SystemReadiness,
  TrackList,
  Transition,
  Waiver,
} from './scorecards';
import { Evidence, EvidenceRequest } from './facts';
import {
  Deployment,
  DeploymentBatchResult,
  DeploymentMatrix,
  DeploymentRequest,
  RollbackResult,
} from './deployments';
import { AlertRunbooks, EntityRunbooks } from './runbooks';
import { Escalation, OnCallSummary } from './oncall';
import { EnvironmentRecordRequest, ReadinessEnvironment } from './environments';
import { TrackPreview, TrackPreviewRequest, TrackSource } from './preview';
import {
  CampaignDetail,
  CampaignExemptionRequest,
  CampaignList,
  CampaignReminder,
  EntityCampaigns,
} from './campaigns';
import { readinessOperations } from './schema/operations.generated';
import { ReadinessApi } from './api';

type OperationId = keyof typeof readinessOperations;

/** What the client needs to find the backend (Backstage's DiscoveryApi / DiscoveryService fit). @public */
export interface ReadinessClientDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** How the client makes requests (Backstage's FetchApi fits; defaults to the global fetch). @public */
export interface ReadinessClientFetch {
  fetch: typeof fetch;
}

/** Splits a ref (`kind:namespace/name`, namespace optional) for the URL; a TypeError for anything else. */
function refParts(entityRef: string, defaultKind?: string) {
  try {
    return parseEntityRef(entityRef, defaultKind ? { defaultKind } : {});
  } catch {
    throw new TypeError(
      `'${entityRef}' is not an entity ref like component:default/rag-api`,
    );
  }
}

/**
 * The typed client of the Readiness backend, for browsers (with discoveryApi + fetchApi) and Node (CI scripts).
 * Paths and methods come from the OpenAPI spec (`readinessOperations`); errors are ResponseErrors.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: ReadinessClientDiscovery;
  private readonly fetchApi: ReadinessClientFetch;
  /** The track definitions last read, which scorecards of their version are joined with. */
  private tracks?: Promise<TrackList>;

  constructor(options: {
    discoveryApi: ReadinessClientDiscovery;
    fetchApi?: ReadinessClientFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  private async call<T>(
    operation: OperationId,
    params: Record<string, string> = {},
    options: {
      query?: Record<string, string | number | undefined>;
      body?: unknown;
    } = {},
  ): Promise<T> {
    const { method, path } = readinessOperations[operation];
    const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (params[key] === undefined)
        throw new TypeError(`${operation}: missing ${key}`);
      return encodeURIComponent(params[key]);
    });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {}))
      if (v !== undefined) query.set(k, String(v));
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const search = query.toString();
    const url = `${baseUrl}${filled}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, {
      method,
      ...(options.body !== undefined
        ? {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(options.body),
          }
        : {}),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  async getTracks() {
    return (await this.readTracks()).items;
  }
  /** Reads the track definitions again (and keeps them, for the scorecards of their version). */
  private readTracks() {
    // A failed read is kept too: tracksOf reads again after it.
    this.tracks = this.call<TrackList>('GetTracks');
    return this.tracks;
  }
  /** The track definitions of a version: those kept when they are of it, else read again. */
  private async tracksOf(version: string) {
    const kept = await this.tracks?.catch(() => undefined);
    if (kept?.version === version) return kept;
    const read = await this.readTracks();
    if (read.version !== version) {
      throw new Error(
        `The scorecard was evaluated with track definitions ${version}, but the backend now has ${read.version}; ask again`,
      );
    }
    return read;
  }
  async getTrackSource(trackId: string) {
    return this.call<TrackSource>('GetTrackSource', { trackId });
  }
  async previewTrack(request: TrackPreviewRequest) {
    return this.call<TrackPreview>('PreviewTrack', {}, { body: request });
  }
  async getOverview(
    filters: {
      trackId?: string;
      owner?: string;
      system?: string;
      status?: string;
    } = {},
  ) {
    return this.call<ReadinessOverview>('GetOverview', {}, { query: filters });
  }
  /** The scorecard answer joined with the track definitions it names (read once per version of them). */
  async getScorecard(entityRef: string): Promise<EntityScorecard> {
    const answer = await this.call<ScorecardAnswer>(
      'GetScorecard',
      refParts(entityRef),
    );
    return joinScorecard(
      answer,
      (await this.tracksOf(answer.tracksVersion)).items,
    );
  }
  async getScorecardSummary(entityRef: string) {
    return this.call<ScorecardSummary>(
      'GetScorecardSummary',
      refParts(entityRef),
    );
  }
  async getScorecardHistory(
    entityRef: string,
    options: { trackId?: string; limit?: number; before?: string } = {},
  ) {
    return (
      await this.call<{ items: Transition[] }>(
        'GetScorecardHistory',
        refParts(entityRef),
        { query: options },
      )
    ).items;
  }
  async refreshScorecard(entityRef: string) {
    return (
      await this.call<{ transitions: Transition[] }>(
        'RefreshScorecard',
        refParts(entityRef),
      )
    ).transitions;
  }
  async getGate(entityRef: string, trackId: string, gateId: string) {
    return this.call<GateAnswer>('GetGate', {
      ...refParts(entityRef),
      trackId,
      gateId,
    });
  }
  async getSystemReadiness(systemRef: string) {
    const { namespace, name } = refParts(systemRef, 'system');
    return this.call<SystemReadiness>('GetSystemReadiness', {
      namespace,
      name,
    });
  }
  async createEvidence(evidence: EvidenceRequest) {
    return this.call<Evidence>('CreateEvidence', {}, { body: evidence });
  }
  async createAttestation(
    request: CheckTargetRequest & {
      note?: string;
      link?: string;
      validUntil?: string;
    },
  ) {
    return this.call<Attestation>('CreateAttestation', {}, { body: request });
  }
  async requestWaiver(
    request: CheckTargetRequest & { reason: string; expiresAt: string },
  ) {
    return this.call<Waiver>('RequestWaiver', {}, { body: request });
  }
  async approveWaiver(id: string) {
    return this.call<Waiver>('ApproveWaiver', { id });
  }
  async revokeWaiver(id: string) {
    return this.call<Waiver>('RevokeWaiver', { id });
  }
  async createDeployment(deployment: DeploymentRequest) {
    return this.call<Deployment>('CreateDeployment', {}, { body: deployment });
  }
  async createDeployments(deployments: DeploymentRequest[]) {
    return (
      await this.call<{ items: DeploymentBatchResult[] }>(
        'CreateDeployments',
        {},
        { body: { items: deployments } },
      )
    ).items;
  }
  async listDeployments(
    entityRef: string,
    options: { environment?: string; limit?: number; offset?: number } = {},
  ) {
    return this.call<{ items: Deployment[]; total: number }>(
      'ListDeployments',
      refParts(entityRef),
      { query: options },
    );
  }
  async getDeploymentMatrix(entityRef: string) {
    return this.call<DeploymentMatrix>(
      'GetDeploymentMatrix',
      refParts(entityRef),
    );
  }
  async getSystemDeployments(systemRef: string) {
    const { namespace, name } = refParts(systemRef, 'system');
    return this.call<{
      systemRef: string;
      environments: string[];
      items: DeploymentMatrix[];
    }>('GetSystemDeployments', { namespace, name });
  }
  async rollbackDeployment(id: string, reason?: string) {
    return this.call<RollbackResult>(
      'RollbackDeployment',
      { id },
      { body: reason ? { reason } : {} },
    );
  }
  async getRunbooks(entityRef: string) {
    return this.call<EntityRunbooks>('GetEntityRunbooks', refParts(entityRef));
  }
  async getRunbooksByAlert(alert: string) {
    return this.call<AlertRunbooks>('GetRunbooksByAlert', { alert });
  }
  async getOnCall(entityRef: string) {
    return this.call<OnCallSummary>('GetOnCall', refParts(entityRef));
  }
  async listEscalations(entityRef: string, options: { limit?: number } = {}) {
    return (
      await this.call<{ items: Escalation[] }>(
        'ListEscalations',
        refParts(entityRef),
        { query: options },
      )
    ).items;
  }
  async escalate(
    entityRef: string,
    request: { reason: string; level?: number },
  ) {
    return this.call<Escalation>('CreateEscalation', refParts(entityRef), {
      body: request,
    });
  }
  async listEnvironments(
    options: { system?: string; includeDecommissioned?: boolean } = {},
  ) {
    return (
      await this.call<{ items: ReadinessEnvironment[] }>(
        'ListEnvironments',
        {},
        {
          query: {
            system: options.system,
            includeDecommissioned: options.includeDecommissioned
              ? 'true'
              : undefined,
          },
        },
      )
    ).items;
  }
  async recordEnvironment(
    entityRef: string,
    request: EnvironmentRecordRequest,
  ) {
    const { namespace, name } = refParts(entityRef, 'resource');
    return this.call<ReadinessEnvironment>(
      'RecordEnvironment',
      { namespace, name },
      { body: request },
    );
  }
  async decommissionEnvironment(
    entityRef: string,
    request: { taskId?: string; requestedBy?: string } = {},
  ) {
    const { namespace, name } = refParts(entityRef, 'resource');
    return this.call<ReadinessEnvironment>(
      'DecommissionEnvironment',
      { namespace, name },
      { body: request },
    );
  }
  async listCampaigns() {
    return this.call<CampaignList>('ListCampaigns');
  }
  async getCampaign(campaignId: string) {
    return this.call<CampaignDetail>('GetCampaign', { campaignId });
  }
  async getEntityCampaigns(entityRef: string) {
    return this.call<EntityCampaigns>(
      'GetEntityCampaigns',
      refParts(entityRef),
    );
  }
  async nudgeCampaign(campaignId: string) {
    return this.call<CampaignReminder>('NudgeCampaign', { campaignId });
  }
  async requestCampaignExemption(
    campaignId: string,
    request: CampaignExemptionRequest,
  ) {
    return this.call<Waiver>(
      'RequestCampaignExemption',
      { campaignId },
      { body: request },
    );
  }
}
