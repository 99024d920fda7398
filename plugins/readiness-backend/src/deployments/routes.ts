import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  readinessDeploymentCreatePermission,
  readinessDeploymentRollbackPermission,
  readinessReadPermission,
} from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import {
  audited,
  authorize,
  authorizeUser,
  RouteContext,
} from '../service/routeContext';
import { normalizeRef, ReadinessService } from '../scorecards/ReadinessService';
import { principalName } from '../facts/evidence/routes';
import { DeploymentService } from './DeploymentService';
import { NewDeployment } from './DeploymentStore';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DeploymentRequest } from '@internal/plugin-readiness-common';

type DeploymentRequestBody = DeploymentRequest;

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
    service: ReadinessService;
  },
) {
  /** One deployment of a request body, with its entity and environment resolved through the (cached) catalog. */
  const toNewDeployment = async (
    body: DeploymentRequestBody,
    credentials: BackstageCredentials,
  ): Promise<NewDeployment> => {
    const entity = await ctx.service.getEntity(body.entityRef, credentials, {
      cached: true,
    });
    const environment = await ctx.deployments.resolveEnvironment(
      body.environment,
      entity,
      credentials,
    );
    return {
      entityRef: normalizeRef(entity),
      environment: normalizeRef(environment),
      version: body.version,
      status: body.status,
      startedAt: body.startedAt ?? new Date().toISOString(),
      ...(body.finishedAt ? { finishedAt: body.finishedAt } : {}),
      ...(body.actor ? { actor: body.actor } : {}),
      ...(body.commitSha ? { commitSha: body.commitSha } : {}),
      ...(body.url ? { url: body.url } : {}),
      ...(body.externalId ? { externalId: body.externalId } : {}),
    };
  };

  router.post('/deployments', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessDeploymentCreatePermission,
    );
    const { deployment, created } = await ctx.deployments.record(
      await toNewDeployment(req.body, credentials),
      principalName(credentials),
    );
    // Re-evaluated in the background (coalesced with other new facts); the response does not wait for it.
    void ctx.service.requestRefresh(deployment.entityRef);
    res.status(created ? 201 : 200).json(deployment as any);
  });

  router.post('/deployments/batch', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessDeploymentCreatePermission,
    );
    const items: Array<{
      status: number;
      deployment?: any;
      error?: { name: string; message: string };
    }> = new Array(req.body.items.length);
    const valid: Array<{ index: number; deployment: NewDeployment }> = [];
    for (const [index, body] of req.body.items.entries()) {
      try {
        valid.push({
          index,
          deployment: await toNewDeployment(body, credentials),
        });
      } catch (error) {
        items[index] = itemError(error, index);
      }
    }
    const recorded = await ctx.deployments.recordMany(
      valid.map(v => v.deployment),
      principalName(credentials),
    );
    const entities = new Set<string>();
    recorded.forEach((result, i) => {
      const { index } = valid[i];
      if ('error' in result) {
        items[index] = itemError(result.error, index);
      } else {
        items[index] = {
          status: result.created ? 201 : 200,
          deployment: result.deployment,
        };
        entities.add(result.deployment.entityRef);
      }
    });
    for (const entityRef of entities)
      void ctx.service.requestRefresh(entityRef);
    res.json({ items } as any);
  });

  router.get('/deployments/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.service.getEntity(
      stringifyEntityRef(req.params),
      credentials,
    );
    const { environment, limit, offset } = req.query;
    const page = await ctx.deployments.list([normalizeRef(entity)], {
      ...(environment ? { environment: normalizeRef(environment) } : {}),
      limit: limit ? Number(limit) : 20,
      offset: offset ? Number(offset) : 0,
    });
    res.json(page as any);
  });

  router.get(
    '/deployments/:kind/:namespace/:name/environments',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessReadPermission);
      const entity = await ctx.service.getEntity(
        stringifyEntityRef(req.params),
        credentials,
      );
      const environments = await ctx.deployments.environmentsOf(
        entity,
        credentials,
      );
      const [matrix] = await ctx.deployments.matrix([entity], environments);
      res.json({
        ...matrix,
        rollbackWebhook: {
          configured: ctx.deployments.rollbackWebhookConfigured(),
        },
      } as any);
    },
  );

  router.get('/systems/:namespace/:name/deployments', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const system = await ctx.service.getEntity(
      stringifyEntityRef({ kind: 'system', ...req.params }),
      credentials,
    );
    if (system.kind.toLocaleLowerCase('en-US') !== 'system')
      throw new NotFoundError(`${normalizeRef(system)} is not a System`);
    const environments = await ctx.deployments.environmentsOf(
      system,
      credentials,
    );
    const components = await ctx.deployments.componentsOf(system, credentials);
    res.json({
      systemRef: normalizeRef(system),
      environments: environments.map(e => normalizeRef(e)),
      items: (await ctx.deployments.matrix(components, environments)) as any,
    });
  });

  router.post('/deployments/:id/rollback', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessDeploymentRollbackPermission,
    );
    const actor = credentials.principal.userEntityRef;
    const target = await ctx.deployments.get(req.params.id);
    if (!target) throw new NotFoundError(`No deployment ${req.params.id}`);
    // The caller must be able to see the entity.
    await ctx.service.getEntity(target.entityRef, credentials);
    const result = await audited(
      ctx,
      req,
      'deployment-rollback',
      {
        deploymentId: target.id,
        entityRef: target.entityRef,
        environment: target.environment,
      },
      () => ctx.deployments.rollback(target.id, actor, req.body?.reason),
    );
    res.status(201).json(result as any);
  });
}
