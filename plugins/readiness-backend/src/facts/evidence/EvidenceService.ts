import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { principalName } from '../../service/principals';
import { ReadinessMetrics } from '../../service/ReadinessMetrics';
import { EvidenceStore, StoredEvidence } from './EvidenceStore';

/** Evidence as a request carries it. */
export interface EvidenceRequest {
  entityRef: string;
  type: string;
  /** Any JSON value (the OpenAPI validator has checked it is JSON). */
  value?: unknown;
  observedAt?: string;
  commitSha?: string;
  url?: string;
  externalId?: string;
}

/**
 * Evidence pushed by CI: about an entity the caller can see in the catalog, stored once per `externalId`, observed
 * now unless it says when; new evidence asks for a re-evaluation of the entity (in the background).
 */
export class EvidenceService {
  static create(deps: {
    catalog: EntityCatalog;
    store: EvidenceStore;
    /** Told of new facts about an entity before the answer (clears views; the re-evaluation runs in the background). */
    onNewFacts: (entityRef: string) => void | Promise<void>;
    metrics?: ReadinessMetrics;
  }) {
    return new EvidenceService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof EvidenceService.create>[0],
  ) {}

  async record(
    request: EvidenceRequest,
    credentials: BackstageCredentials,
  ): Promise<{ evidence: StoredEvidence; created: boolean }> {
    const entity = await this.deps.catalog.getEntity(
      request.entityRef,
      credentials,
      { cached: true },
    );
    const entityRef = entityRefKey(entity);
    const result = await this.deps.store.record(
      {
        entityRef,
        type: request.type,
        value: (request.value ?? null) as JsonValue,
        observedAt: request.observedAt ?? new Date().toISOString(),
        ...(request.observedAt ? {} : { observedAtDefaulted: true }),
        ...(request.commitSha ? { commitSha: request.commitSha } : {}),
        ...(request.url ? { url: request.url } : {}),
        ...(request.externalId ? { externalId: request.externalId } : {}),
      },
      principalName(credentials),
    );
    if (result.created) {
      this.deps.metrics?.ingestedFacts('evidence');
      await this.deps.onNewFacts(entityRef);
    }
    return result;
  }
}
