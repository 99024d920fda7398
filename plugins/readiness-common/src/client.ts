import { ResponseError } from '@backstage/errors';
import {
  Attestation,
  EntityScorecard,
  Evidence,
  EvidenceRequest,
  GateResult,
  SystemReadiness,
  Transition,
  Waiver,
} from './results';
import { Track } from './tracks';
import { readinessOperations } from './schema/operations.generated';

type OperationId = keyof typeof readinessOperations;

/** What the client needs to find the backend (Backstage's DiscoveryApi / DiscoveryService fit). @public */
export interface ReadinessClientDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** How the client makes requests (Backstage's FetchApi fits; defaults to the global fetch). @public */
export interface ReadinessClientFetch {
  fetch: typeof fetch;
}

/** A check of a track, for one entity. @public */
export type CheckTargetRequest = { entityRef: string; trackId: string; gateId: string; checkId: string };

/** The Readiness API. @public */
export interface ReadinessApi {
  getTracks(): Promise<Track[]>;
  getScorecard(entityRef: string): Promise<EntityScorecard>;
  getScorecardHistory(entityRef: string, options?: { trackId?: string; limit?: number; before?: string }): Promise<Transition[]>;
  refreshScorecard(entityRef: string): Promise<Transition[]>;
  getGate(entityRef: string, trackId: string, gateId: string): Promise<{ entityRef: string; trackId: string; gate: GateResult }>;
  getSystemReadiness(systemRef: string): Promise<SystemReadiness>;
  createEvidence(evidence: EvidenceRequest): Promise<Evidence>;
  createAttestation(request: CheckTargetRequest & { note?: string; link?: string; validUntil?: string }): Promise<Attestation>;
  requestWaiver(request: CheckTargetRequest & { reason: string; expiresAt: string }): Promise<Waiver>;
  approveWaiver(id: string): Promise<Waiver>;
  revokeWaiver(id: string): Promise<Waiver>;
}

/** Splits `kind:namespace/name` (namespace optional) for the URL. */
function refParts(entityRef: string, defaultKind?: string) {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(entityRef);
  const kind = match?.[1] ?? defaultKind;
  if (!match || !kind) throw new TypeError(`'${entityRef}' is not an entity ref like component:default/rag-api`);
  return { kind, namespace: match[2] ?? 'default', name: match[3] };
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

  constructor(options: { discoveryApi: ReadinessClientDiscovery; fetchApi?: ReadinessClientFetch }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  private async call<T>(
    operation: OperationId,
    params: Record<string, string> = {},
    options: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
  ): Promise<T> {
    const { method, path } = readinessOperations[operation];
    const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (params[key] === undefined) throw new TypeError(`${operation}: missing ${key}`);
      return encodeURIComponent(params[key]);
    });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const search = query.toString();
    const url = `${baseUrl}${filled}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, {
      method,
      ...(options.body !== undefined
        ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options.body) }
        : {}),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  async getTracks() {
    return (await this.call<{ items: Track[] }>('GetTracks')).items;
  }
  async getScorecard(entityRef: string) {
    return this.call<EntityScorecard>('GetScorecard', refParts(entityRef));
  }
  async getScorecardHistory(entityRef: string, options: { trackId?: string; limit?: number; before?: string } = {}) {
    return (await this.call<{ items: Transition[] }>('GetScorecardHistory', refParts(entityRef), { query: options })).items;
  }
  async refreshScorecard(entityRef: string) {
    return (await this.call<{ transitions: Transition[] }>('RefreshScorecard', refParts(entityRef))).transitions;
  }
  async getGate(entityRef: string, trackId: string, gateId: string) {
    return this.call<{ entityRef: string; trackId: string; gate: GateResult }>('GetGate', { ...refParts(entityRef), trackId, gateId });
  }
  async getSystemReadiness(systemRef: string) {
    const { namespace, name } = refParts(systemRef, 'system');
    return this.call<SystemReadiness>('GetSystemReadiness', { namespace, name });
  }
  async createEvidence(evidence: EvidenceRequest) {
    return this.call<Evidence>('CreateEvidence', {}, { body: evidence });
  }
  async createAttestation(request: CheckTargetRequest & { note?: string; link?: string; validUntil?: string }) {
    return this.call<Attestation>('CreateAttestation', {}, { body: request });
  }
  async requestWaiver(request: CheckTargetRequest & { reason: string; expiresAt: string }) {
    return this.call<Waiver>('RequestWaiver', {}, { body: request });
  }
  async approveWaiver(id: string) {
    return this.call<Waiver>('ApproveWaiver', { id });
  }
  async revokeWaiver(id: string) {
    return this.call<Waiver>('RevokeWaiver', { id });
  }
}
