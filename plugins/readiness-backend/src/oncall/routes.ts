import {
  entityRefKey,
  readinessOnCallEscalatePermission,
  readinessReadPermission,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { ReadinessRouter } from '../service/ReadinessRouter';
import {
  audited,
  authorize,
  authorizeUser,
  RouteContext,
} from '../service/routeContext';
import { OnCallService, TooManyEscalationsError } from './OnCallService';

/** On-call: who is on call now and next, the escalation levels, and escalating from the portal. */
export function registerOnCallRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { oncall: OnCallService; catalog: EntityCatalog },
) {
  router.get('/oncall/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.catalog.getEntity(
      entityRefKey(req.params),
      credentials,
    );
    res.json(await ctx.oncall.summary(entity, credentials));
  });

  router.get('/oncall/:kind/:namespace/:name/escalations', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.catalog.getEntity(
      entityRefKey(req.params),
      credentials,
    );
    const limit = req.query.limit ? Number(req.query.limit) : 20;
    res.json({
      items: await ctx.oncall.history(entityRefKey(entity), limit),
    });
  });

  router.post(
    '/oncall/:kind/:namespace/:name/escalations',
    async (req, res) => {
      const credentials = await authorizeUser(
        ctx,
        req,
        readinessOnCallEscalatePermission,
      );
      const entity = await ctx.catalog.getEntity(
        entityRefKey(req.params),
        credentials,
      );
      const { reason, level } = req.body;
      try {
        const escalation = await audited(
          ctx,
          req,
          'oncall-escalation',
          { entityRef: entityRefKey(entity), level: level ?? null },
          () =>
            ctx.oncall.escalate(
              entity,
              { reason, ...(level ? { level } : {}) },
              credentials.principal.userEntityRef,
            ),
        );
        res.status(201).json(escalation);
      } catch (error) {
        if (error instanceof TooManyEscalationsError) {
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
        }
        throw error;
      }
    },
  );
}
