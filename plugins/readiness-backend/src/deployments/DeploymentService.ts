import { createHmac } from 'node:crypto';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  DeploymentMatrix,
  DeploymentRequest,
  entityRefKey,
  RollbackResult,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { DeploymentStore, NewDeployment } from './DeploymentStore';
import { ReadinessMetrics } from '../service/ReadinessMetrics';

const DAY = 24 * 60 * 60 * 1000;
const ref = (e: Entity | string) => entityRefKey(e);

/** Where a rollback is announced, signed with HMAC-SHA256 of the body (X-Readiness-Signature: sha256=<hex>). */
export interface RollbackWebhook {
  url: string;
  secret: string;
}

/** One environment of a matrix row (the wire type). */
export type EnvironmentRow = DeploymentMatrix['environments'][number];

/** What deployments need to know of environments (the environments room answers). */
export interface DeploymentEnvironments {
  /** The environment a deployment names, or a 400 naming the field. */
  resolveForDeployment(
    environment: string,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity>;
  /** The environments of the System an entity belongs to (or of the System itself), in tier order. */
  environmentsOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity[]>;
}

/** Deployments of catalog entities to environments. */
export class DeploymentService {
  static create(deps: {
    store: DeploymentStore;
    catalog: EntityCatalog;
    environments: DeploymentEnvironments;
    logger: LoggerService;
    /** Told of new facts about an entity before the answer (clears views; the re-evaluation runs in the background). */
    onNewFacts?: (entityRef: string) => void | Promise<void>;
    rollbackWebhook?: RollbackWebhook;
    fetch?: typeof fetch;
    metrics?: ReadinessMetrics;
  }) {
    return new DeploymentService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof DeploymentService.create>[0],
  ) {}

  /** One deployment of a request, its entity and environment resolved through the (cached) catalog; 400/404. */
  async fromRequest(
    body: DeploymentRequest,
    credentials: BackstageCredentials,
  ): Promise<NewDeployment> {
    const entity = await this.deps.catalog.getEntity(
      body.entityRef,
      credentials,
      { cached: true },
    );
    const environment = await this.deps.environments.resolveForDeployment(
      body.environment,
      entity,
      credentials,
    );
    return {
      entityRef: ref(entity),
      environment: ref(environment),
      version: body.version,
      status: body.status,
      startedAt: body.startedAt ?? new Date().toISOString(),
      ...(body.finishedAt ? { finishedAt: body.finishedAt } : {}),
      ...(body.actor ? { actor: body.actor } : {}),
      ...(body.commitSha ? { commitSha: body.commitSha } : {}),
      ...(body.url ? { url: body.url } : {}),
      ...(body.externalId ? { externalId: body.externalId } : {}),
    };
  }

  /** The environments of the system an entity belongs to (or of the System itself). */
  environmentsOf(entity: Entity, credentials: BackstageCredentials) {
    return this.deps.environments.environmentsOf(entity, credentials);
  }

  /** The components of a System, by name. */
  componentsOf(system: Entity, credentials: BackstageCredentials) {
    return this.deps.catalog.entitiesOfSystem(system, credentials, 'Component');
  }

  /** One entity's environment × version matrix, over the environments of its System. */
  async entityMatrix(entity: Entity, credentials: BackstageCredentials) {
    const environments = await this.environmentsOf(entity, credentials);
    const [matrix] = await this.matrix([entity], environments);
    return matrix;
  }

  /** The environment × version matrix of the given entities over the given environments. */
  async matrix(
    entities: Entity[],
    environments: Entity[],
  ): Promise<Array<{ entityRef: string; environments: EnvironmentRow[] }>> {
    const states = await this.deps.store.states(entities.map(e => ref(e)));
    const now = Date.now();
    return entities.map(entity => {
      const entityStates = states.get(ref(entity)) ?? [];
      return {
        entityRef: ref(entity),
        environments: environments.map(env => {
          const state = entityStates.find(s => s.environment === ref(env));
          const finished =
            state?.lastSuccessful?.finishedAt ??
            state?.lastSuccessful?.startedAt;
          return {
            environment: ref(env),
            title: env.metadata.title ?? env.metadata.name,
            ...(state?.latest ? { latest: state.latest } : {}),
            ...(state?.lastSuccessful
              ? { lastSuccessful: state.lastSuccessful }
              : {}),
            ...(finished
              ? {
                  ageDays:
                    Math.round(((now - Date.parse(finished)) / DAY) * 10) / 10,
                }
              : {}),
          };
        }),
      };
    });
  }

  async record(deployment: NewDeployment, recordedBy: string) {
    const result = await this.deps.store.record(deployment, recordedBy);
    if (result.created) this.deps.metrics?.ingestedFacts('deployments');
    await this.deps.onNewFacts?.(result.deployment.entityRef);
    return result;
  }

  /** Whether rolling back tells a CD system (a webhook is configured), for the portal's confirmation dialog. */
  rollbackWebhookConfigured(): boolean {
    return Boolean(this.deps.rollbackWebhook);
  }

  async recordMany(deployments: NewDeployment[], recordedBy: string) {
    const results = await this.deps.store.recordMany(deployments, recordedBy);
    this.deps.metrics?.ingestedFacts(
      'deployments',
      results.filter(r => 'created' in r && r.created).length,
    );
    const entities = new Set<string>();
    for (const r of results)
      if (!('error' in r)) entities.add(r.deployment.entityRef);
    for (const entityRef of entities) await this.deps.onNewFacts?.(entityRef);
    return results;
  }

  async get(id: string) {
    return this.deps.store.get(id);
  }

  async list(
    entityRefs: string[],
    options: { environment?: string; limit: number; offset: number },
  ) {
    return this.deps.store.list(entityRefs, options);
  }

  /**
   * Rolls a deployment back: records a new deployment of the previous successful version to the same environment
   * (rollbackOf the given one), marks a succeeded one rolled_back, and calls the webhook if one is configured.
   */
  async rollback(
    id: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    reason?: string,
  ): Promise<RollbackResult> {
    const actor = credentials.principal.userEntityRef;
    const target = await this.deps.store.get(id);
    if (!target) throw new NotFoundError(`No deployment ${id}`);
    // The caller must be able to see the entity.
    await this.deps.catalog.getEntity(target.entityRef, credentials);
    if (target.status === 'in_progress')
      throw new ConflictError(`Deployment ${id} is still in progress`);
    if (target.status === 'rolled_back')
      throw new ConflictError(`Deployment ${id} was already rolled back`);
    const history = await this.deps.store.recent(
      target.entityRef,
      target.environment,
      200,
    );
    const previous = history.find(
      d =>
        d.status === 'succeeded' &&
        d.version !== target.version &&
        Date.parse(d.startedAt) < Date.parse(target.startedAt),
    );
    if (!previous) {
      throw new ConflictError(
        `No earlier successful version of ${target.entityRef} in ${target.environment} to roll back to`,
      );
    }
    if (
      target.status === 'succeeded' &&
      !(await this.deps.store.markRolledBack(target.id))
    ) {
      throw new ConflictError(
        `Deployment ${id} changed while rolling it back; try again`,
      );
    }
    const { deployment } = await this.deps.store.record(
      {
        entityRef: target.entityRef,
        environment: target.environment,
        version: previous.version,
        status: 'in_progress',
        actor,
        startedAt: new Date().toISOString(),
        rollbackOf: target.id,
        externalId: `rollback:${target.id}`,
        ...(previous.commitSha ? { commitSha: previous.commitSha } : {}),
      },
      actor,
    );
    const webhook = await this.callWebhook({
      event: 'readiness.rollback.requested',
      deployment,
      rolledBack: { id: target.id, version: target.version },
      requestedBy: actor,
      ...(reason ? { reason } : {}),
      reportStatusTo: {
        method: 'POST',
        path: '/api/readiness/deployments',
        externalId: deployment.externalId,
      },
    });
    return { deployment, webhook };
  }

  private async callWebhook(payload: object) {
    const hook = this.deps.rollbackWebhook;
    if (!hook) {
      return {
        configured: false,
        message:
          'No rollback webhook is configured (readiness.deployments.rollbackWebhook): the rollback is recorded as in progress, but no CD system was told to act on it.',
      };
    }
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', hook.secret)
      .update(body)
      .digest('hex');
    try {
      const res = await (this.deps.fetch ?? fetch)(hook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Readiness-Signature': `sha256=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      return {
        configured: true,
        delivered: res.ok,
        status: res.status,
        message: res.ok
          ? `The rollback webhook accepted the request (${res.status})`
          : `The rollback webhook answered ${res.status}`,
      };
    } catch (error) {
      this.deps.logger.warn(`Rollback webhook failed: ${error}`);
      return {
        configured: true,
        delivered: false,
        message: `The rollback webhook could not be reached: ${
          (error as Error).message
        }`,
      };
    }
  }
}
