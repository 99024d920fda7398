import {
  DeploymentBatchResult,
  entityRefKey,
  readinessDeploymentCreatePermission,
  readinessDeploymentRollbackPermission,
  readinessReadPermission,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { principalName } from '../service/principals';
import { ReadinessRouter } from '../service/ReadinessRouter';
import {
  audited,
  authorize,
  authorizeUser,
  RouteContext,
} from '../service/routeContext';
import { DeploymentService } from './DeploymentService';
import { NewDeployment } from './DeploymentStore';

const STATUS_OF_ERROR: Record<string, number> = {
  InputError: 400,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};

/** A batch item's error, as the single route would have answered it (the item's index named). */
function itemError(error: unknown, index: number) {
  const e = error as Error;
  const status = STATUS_OF_ERROR[e.name];
  if (!status) throw error;
  return {
    status,
    error: { name: e.name, message: `items[${index}]: ${e.message}` },
  };
}

/** Deployments: CI records them; the portal shows the environment × version matrix and rolls back. */
export function registerDeploymentRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & {
    deployments: DeploymentService;
    catalog: EntityCatalog;
  },
) {
  router.post('/deployments', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessDeploymentCreatePermission,
    );
    const { deployment, created } = await ctx.deployments.record(
      await ctx.deployments.fromRequest(req.body, credentials),
      principalName(credentials),
    );
    res.status(created ? 201 : 200).json(deployment);
  });

  router.post('/deployments/batch', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessDeploymentCreatePermission,
    );
    const items: DeploymentBatchResult[] = new Array(req.body.items.length);
    const valid: Array<{ index: number; deployment: NewDeployment }> = [];
    for (const [index, body] of req.body.items.entries()) {
      try {
        valid.push({
          index,
          deployment: await ctx.deployments.fromRequest(body, credentials),
        });
      } catch (error) {
        items[index] = itemError(error, index);
      }
    }
    const recorded = await ctx.deployments.recordMany(
      valid.map(v => v.deployment),
      principalName(credentials),
    );
    recorded.forEach((result, i) => {
      const { index } = valid[i];
      items[index] =
        'error' in result
          ? itemError(result.error, index)
          : {
              status: result.created ? 201 : 200,
              deployment: result.deployment,
            };
    });
    res.json({ items });
  });

  router.get('/deployments/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.catalog.getEntity(
      entityRefKey(req.params),
      credentials,
    );
    const { environment, limit, offset } = req.query;
    const page = await ctx.deployments.list([entityRefKey(entity)], {
      ...(environment ? { environment: entityRefKey(environment) } : {}),
      limit: limit ? Number(limit) : 20,
      offset: offset ? Number(offset) : 0,
    });
    res.json(page);
  });

  router.get(
    '/deployments/:kind/:namespace/:name/environments',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessReadPermission);
      const entity = await ctx.catalog.getEntity(
        entityRefKey(req.params),
        credentials,
      );
      const matrix = await ctx.deployments.entityMatrix(entity, credentials);
      res.json({
        ...matrix,
        rollbackWebhook: {
          configured: ctx.deployments.rollbackWebhookConfigured(),
        },
      });
    },
  );

  router.get('/systems/:namespace/:name/deployments', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const system = await ctx.catalog.getSystem(
      entityRefKey({ kind: 'system', ...req.params }),
      credentials,
    );
    const environments = await ctx.deployments.environmentsOf(
      system,
      credentials,
    );
    const components = await ctx.deployments.componentsOf(system, credentials);
    res.json({
      systemRef: entityRefKey(system),
      environments: environments.map(e => entityRefKey(e)),
      items: await ctx.deployments.matrix(components, environments),
    });
  });

  router.post('/deployments/:id/rollback', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessDeploymentRollbackPermission,
    );
    const result = await audited(
      ctx,
      req,
      'deployment-rollback',
      { deploymentId: req.params.id },
      () =>
        ctx.deployments.rollback(req.params.id, credentials, req.body?.reason),
    );
    res.status(201).json(result);
  });
}
