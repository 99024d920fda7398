import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  CheckResponse,
  CheckResult,
} from '@backstage-community/plugin-tech-insights-common';

/**
 * Reads tech-insights checks for the entity page's Scorecard tab.
 *
 * The community tech-insights frontend plugin is not published to the registry this project
 * installs from, so the portal talks to the tech-insights backend's REST API itself.
 */
export interface TechInsightsScorecardApi {
  /** Every check the backend's fact checker knows about. */
  getAllChecks(): Promise<CheckResponse[]>;
  /** Runs the checks (all, or the given ids) for one entity; checks without facts are left out. */
  runChecks(
    entity: CompoundEntityRef,
    checks?: string[],
  ): Promise<CheckResult[]>;
}

export const techInsightsScorecardApiRef =
  createApiRef<TechInsightsScorecardApi>({
    id: 'app.tech-insights-scorecard',
  });

/** {@link TechInsightsScorecardApi} over HTTP, with the signed-in user's credentials. */
export class TechInsightsScorecardClient implements TechInsightsScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = deps.discoveryApi;
    this.fetchApi = deps.fetchApi;
  }

  async getAllChecks(): Promise<CheckResponse[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tech-insights');
    const res = await this.fetchApi.fetch(`${baseUrl}/checks`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }

  async runChecks(
    entity: CompoundEntityRef,
    checks?: string[],
  ): Promise<CheckResult[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tech-insights');
    const path = [entity.namespace, entity.kind, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const res = await this.fetchApi.fetch(`${baseUrl}/checks/run/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(checks ? { checks } : {}),
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }
}
