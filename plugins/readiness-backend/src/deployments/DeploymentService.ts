import { createHmac } from 'node:crypto';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Deployment, DeploymentStore, NewDeployment } from './DeploymentStore';
import { CatalogLookupCache } from '../catalog/CatalogLookupCache';

const DAY = 24 * 60 * 60 * 1000;
const ref = (e: Entity | string) =>
  (typeof e === 'string'
    ? stringifyEntityRef(parseEntityRef(e))
    : stringifyEntityRef(e)
  ).toLocaleLowerCase('en-US');

/** Where a rollback is announced, signed with HMAC-SHA256 of the body (X-Readiness-Signature: sha256=<hex>). */
export interface RollbackWebhook {
  url: string;
  secret: string;
}

export interface EnvironmentRow {
  environment: string;
  title: string;
  latest?: Deployment;
  lastSuccessful?: Deployment;
  ageDays?: number;
}

/** Deployments of catalog entities to environments (catalog Resources of type environment). */
export class DeploymentService {
  static create(deps: {
    store: DeploymentStore;
    catalog: CatalogService;
    logger: LoggerService;
    rollbackWebhook?: RollbackWebhook;
    fetch?: typeof fetch;
  }) {
    return new DeploymentService(deps);
  }

  private readonly lookups: CatalogLookupCache;

  private constructor(
    private readonly deps: Parameters<typeof DeploymentService.create>[0],
  ) {
    this.lookups = new CatalogLookupCache(deps.catalog);
  }

  /** The environment a request names (a ref, or a name in the entity's namespace), or a 400 naming the field. */
  async resolveEnvironment(
    environment: string,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    let envRef: string;
    try {
      envRef = ref(
        stringifyEntityRef(
          parseEntityRef(environment, {
            defaultKind: 'resource',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      throw new InputError(
        `environment: '${environment}' is not an entity ref`,
      );
    }
    const env = await this.lookups.getEntityByRef(envRef, credentials);
    if (
      !env ||
      env.kind.toLocaleLowerCase('en-US') !== 'resource' ||
      env.spec?.type !== 'environment'
    ) {
      throw new InputError(
        `environment: ${envRef} is not a known environment (a Resource with spec.type environment)`,
      );
    }
    return env;
  }

  /** The environments of the system an entity belongs to (or of the System itself). */
  async environmentsOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const system =
      entity.kind.toLocaleLowerCase('en-US') === 'system'
        ? entity.metadata.name
        : (entity.spec?.system as string | undefined);
    if (!system) return [];
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': 'environment',
          'spec.system': system,
        },
      },
      { credentials },
    );
    return items.sort(
      (a, b) =>
        tierOrder(a) - tierOrder(b) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
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
    return this.deps.store.record(deployment, recordedBy);
  }

  /** Whether rolling back tells a CD system (a webhook is configured), for the portal's confirmation dialog. */
  rollbackWebhookConfigured(): boolean {
    return Boolean(this.deps.rollbackWebhook);
  }

  async recordMany(deployments: NewDeployment[], recordedBy: string) {
    return this.deps.store.recordMany(deployments, recordedBy);
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

  /** The components of a System. */
  async componentsOf(
    system: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: 'Component', 'spec.system': system.metadata.name } },
      { credentials },
    );
    return items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }

  /**
   * Rolls a deployment back: records a new deployment of the previous successful version to the same environment
   * (rollbackOf the given one), marks a succeeded one rolled_back, and calls the webhook if one is configured.
   */
  async rollback(id: string, actor: string, reason?: string) {
    const target = await this.deps.store.get(id);
    if (!target) throw new NotFoundError(`No deployment ${id}`);
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

function tierOrder(env: Entity): number {
  const tier =
    env.metadata.annotations?.['readiness.io/environment-tier'] ?? '';
  const order = ['dev', 'test', 'staging', 'production'];
  const index = order.indexOf(tier);
  return index === -1 ? order.length : index;
}
