import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  entityRefKey,
  isEntityOfKind,
  isEnvironmentResource,
  ReadinessEnvironment,
  systemRefOf,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { recordedByOf } from '../service/principals';
import { EnvironmentStore } from './EnvironmentStore';

/** A System named by a request (a ref, or a name in the given namespace); a 400 naming the field otherwise. */
export function systemRefIn(field: string, value: string, namespace: string) {
  let ref: string;
  try {
    ref = entityRefKey(value, {
      defaultKind: 'system',
      defaultNamespace: namespace,
    });
  } catch {
    throw new InputError(`${field}: '${value}' is not an entity ref`);
  }
  if (!isEntityOfKind(ref, 'system')) {
    throw new InputError(`${field}: '${value}' is not a System`);
  }
  return ref;
}

/**
 * Environments, in one place. An environment is a catalog Resource with `spec.type: environment` (what the
 * provisioning template creates), recorded in the registry with its System and tier (the truth about whether it is
 * active). Gates scoped to an environment apply while an active one is recorded; deployments are accepted to an
 * environment Resource unless the registry says it was decommissioned.
 *
 * The rules: a System must exist to record an environment for it; an environment active for one System or tier
 * cannot be recorded for another (409) until it is decommissioned; a service may record on behalf of the person it
 * names (the scaffolder for who ran the template), a person only as themselves.
 */
export class EnvironmentService {
  static create(deps: {
    catalog: EntityCatalog;
    store: EnvironmentStore;
    /** Told, before the answer, when an environment becomes active or is decommissioned (clears the views of the System; re-evaluates it in the background). */
    onChange: (systemRef: string) => void | Promise<void>;
  }) {
    return new EnvironmentService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof EnvironmentService.create>[0],
  ) {}

  list(options: { system?: string; includeDecommissioned?: boolean }) {
    return this.deps.store.list({
      ...(options.system
        ? { systemRefs: [systemRefIn('system', options.system, 'default')] }
        : {}),
      includeDecommissioned: options.includeDecommissioned ?? false,
    });
  }

  async record(
    environment: { namespace: string; name: string },
    request: {
      system: string;
      tier: string;
      taskId?: string;
      requestedBy?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<{ environment: ReadinessEnvironment; created: boolean }> {
    const entityRef = entityRefKey({ kind: 'resource', ...environment });
    const systemRef = systemRefIn(
      'system',
      request.system,
      environment.namespace,
    );
    if (!(await this.deps.catalog.findEntity(systemRef, credentials))) {
      throw new InputError(`system: no System ${systemRef} in the catalog`);
    }
    const { tier } = request;
    const result = await this.deps.store.record({
      entityRef,
      systemRef,
      tier,
      recordedBy: recordedByOf(credentials, request.requestedBy),
      recordedAt: new Date(),
      ...(request.taskId ? { taskId: request.taskId } : {}),
    });
    const existing = result.environment;
    if (
      !result.created &&
      (existing.systemRef !== systemRef || existing.tier !== tier)
    ) {
      throw new ConflictError(
        `${entityRef} is already recorded as a ${existing.tier} environment of ${existing.systemRef}; decommission it first`,
      );
    }
    if (result.created) await this.deps.onChange(systemRef);
    return result;
  }

  async decommission(
    environment: { namespace: string; name: string },
    request: { requestedBy?: string },
    credentials: BackstageCredentials,
  ): Promise<ReadinessEnvironment> {
    const entityRef = entityRefKey({ kind: 'resource', ...environment });
    const existing = await this.deps.store.get(entityRef);
    if (!existing) {
      throw new NotFoundError(`${entityRef} is not a recorded environment`);
    }
    const decommissioned = await this.deps.store.decommission(
      entityRef,
      recordedByOf(credentials, request.requestedBy),
      new Date(),
    );
    if (existing.status === 'active')
      await this.deps.onChange(existing.systemRef);
    return decommissioned!;
  }

  /** The active environments recorded for each of these Systems (names and tiers), for environment-scoped gates. */
  async activeEnvironmentsOf(systemRefs: string[]) {
    const bySystem = new Map<string, Array<{ name: string; tier: string }>>();
    if (systemRefs.length === 0) return bySystem;
    for (const env of await this.deps.store.list({ systemRefs })) {
      const list = bySystem.get(env.systemRef) ?? [];
      list.push({ name: parseEntityRef(env.entityRef).name, tier: env.tier });
      bySystem.set(env.systemRef, list);
    }
    return bySystem;
  }

  /**
   * The environment a deployment names (a ref, or a name in the entity's namespace): an environment Resource the
   * caller can see that the registry does not list as decommissioned; a 400 naming the field otherwise.
   */
  async resolveForDeployment(
    environment: string,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    let envRef: string;
    try {
      envRef = entityRefKey(environment, {
        defaultKind: 'resource',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
    } catch {
      throw new InputError(
        `environment: '${environment}' is not an entity ref`,
      );
    }
    const env = await this.deps.catalog
      .getEntity(envRef, credentials, { cached: true })
      .catch(() => undefined);
    if (!env || !isEnvironmentResource(env)) {
      throw new InputError(
        `environment: ${envRef} is not a known environment (a Resource with spec.type environment)`,
      );
    }
    const recorded = await this.deps.store.get(envRef);
    if (recorded?.status === 'decommissioned') {
      throw new InputError(
        `environment: ${envRef} was decommissioned on ${recorded.decommissionedAt?.slice(
          0,
          10,
        )}`,
      );
    }
    return env;
  }

  /**
   * The environments of the System an entity belongs to (or of the System itself), dev before staging before
   * production, without those the registry lists as decommissioned.
   */
  async environmentsOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const systemRef = isEntityOfKind(entity, 'system')
      ? entityRefKey(entity)
      : systemRefOf(entity);
    if (!systemRef) return [];
    const [resources, recorded] = await Promise.all([
      this.deps.catalog.entitiesOfSystem(systemRef, credentials, 'Resource'),
      this.deps.store.list({
        systemRefs: [systemRef],
        includeDecommissioned: true,
      }),
    ]);
    const decommissioned = new Set(
      recorded.filter(e => e.status === 'decommissioned').map(e => e.entityRef),
    );
    return resources
      .filter(
        r => isEnvironmentResource(r) && !decommissioned.has(entityRefKey(r)),
      )
      .sort(
        (a, b) =>
          tierOrder(a) - tierOrder(b) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
  }
}

const TIER_ORDER = ['dev', 'test', 'staging', 'production'];

function tierOrder(env: Entity): number {
  const tier =
    env.metadata.annotations?.['readiness.io/environment-tier'] ?? '';
  const index = TIER_ORDER.indexOf(tier);
  return index === -1 ? TIER_ORDER.length : index;
}
