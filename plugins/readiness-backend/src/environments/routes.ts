import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  readinessEnvironmentDecommissionPermission,
  readinessEnvironmentRecordPermission,
  readinessReadPermission,
} from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { audited, authorize, RouteContext } from '../service/routeContext';
import { normalizeRef, ReadinessService } from '../scorecards/ReadinessService';
import { principalName } from '../facts/evidence/routes';
import { EnvironmentStore } from './EnvironmentStore';

/** A System named by a request (a ref, or a name in the given namespace), lower case; a 400 naming the field otherwise. */
function systemRefOf(field: string, value: string, namespace: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(value, {
      defaultKind: 'system',
      defaultNamespace: namespace,
    });
  } catch {
    throw new InputError(`${field}: '${value}' is not an entity ref`);
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'system')
    throw new InputError(`${field}: '${value}' is not a System`);
  return normalizeRef(stringifyEntityRef(parsed));
}

/** Who recorded it: the person calling, or — for a service such as the scaffolder acting for one — who it names. */
function recorderOf(
  credentials: BackstageCredentials,
  requestedBy: string | undefined,
) {
  const principal = credentials.principal as { type: string };
  return principal.type === 'service' && requestedBy
    ? normalizeRef(requestedBy)
    : principalName(credentials);
}

/**
 * The environments registry: the scaffolder's provision and decommission actions (or whoever provisions
 * environments) record here which environment Resources exist for which System and of which tier; gates scoped to
 * an environment apply while one of their tier or name is active.
 */
export function registerEnvironmentRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & {
    environments: EnvironmentStore;
    service: ReadinessService;
  },
) {
  router.get('/environments', async (req, res) => {
    await authorize(ctx, req, readinessReadPermission);
    const { system, includeDecommissioned } = req.query;
    const items = await ctx.environments.list({
      ...(system
        ? { systemRefs: [systemRefOf('system', system, 'default')] }
        : {}),
      includeDecommissioned: includeDecommissioned === 'true',
    });
    res.json({ items } as any);
  });

  router.put('/environments/:namespace/:name', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessEnvironmentRecordPermission,
    );
    const entityRef = normalizeRef(
      stringifyEntityRef({ kind: 'resource', ...req.params }),
    );
    const systemRef = systemRefOf(
      'system',
      req.body.system,
      req.params.namespace,
    );
    const system = await ctx.service.findEntity(systemRef, credentials);
    if (!system)
      throw new InputError(`system: no System ${systemRef} in the catalog`);
    const { tier, taskId, requestedBy } = req.body;
    const recordedBy = recorderOf(credentials, requestedBy);
    const { environment, created } = await audited(
      ctx,
      req,
      'readiness-environment-record',
      { entityRef, systemRef, tier, recordedBy },
      async () => {
        const result = await ctx.environments.record({
          entityRef,
          systemRef,
          tier,
          recordedBy,
          recordedAt: new Date(),
          ...(taskId ? { taskId } : {}),
        });
        if (
          !result.created &&
          (result.environment.systemRef !== systemRef ||
            result.environment.tier !== tier)
        ) {
          throw new ConflictError(
            `${entityRef} is already recorded as a ${result.environment.tier} environment of ${result.environment.systemRef}; decommission it first`,
          );
        }
        return result;
      },
    );
    if (created) ctx.service.requestSystemRefresh(systemRef);
    res.status(created ? 201 : 200).json(environment as any);
  });

  router.post(
    '/environments/:namespace/:name/decommission',
    async (req, res) => {
      const credentials = await authorize(
        ctx,
        req,
        readinessEnvironmentDecommissionPermission,
      );
      const entityRef = normalizeRef(
        stringifyEntityRef({ kind: 'resource', ...req.params }),
      );
      const existing = await ctx.environments.get(entityRef);
      if (!existing)
        throw new NotFoundError(`${entityRef} is not a recorded environment`);
      const by = recorderOf(credentials, req.body?.requestedBy);
      const environment = await audited(
        ctx,
        req,
        'readiness-environment-decommission',
        { entityRef, systemRef: existing.systemRef, by },
        async () => ctx.environments.decommission(entityRef, by, new Date()),
      );
      if (existing.status === 'active')
        ctx.service.requestSystemRefresh(existing.systemRef);
      res.json(environment as any);
    },
  );
}
