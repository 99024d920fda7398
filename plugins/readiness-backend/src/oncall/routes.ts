import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  readinessOnCallEscalatePermission,
  readinessReadPermission,
} from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import {
  audited,
  authorize,
  authorizeUser,
  RouteContext,
} from '../service/routeContext';
import { ReadinessService } from '../scorecards/ReadinessService';
import { OnCallService, TooManyEscalationsError } from './OnCallService';

/** On-call: who is on call now and next, the escalation levels, and escalating from the portal. */
export function registerOnCallRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { oncall: OnCallService; service: ReadinessService },
) {
  router.get('/oncall/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.service.getEntity(
      stringifyEntityRef(req.params),
      credentials,
    );
    res.json((await ctx.oncall.summary(entity, credentials)) as any);
  });

  router.get('/oncall/:kind/:namespace/:name/escalations', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.service.getEntity(
      stringifyEntityRef(req.params),
      credentials,
    );
    const limit = req.query.limit ? Number(req.query.limit) : 20;
    res.json({
      items: (await ctx.oncall.history(
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        limit,
      )) as any,
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
      const entity = await ctx.service.getEntity(
        stringifyEntityRef(req.params),
        credentials,
      );
      const actor = credentials.principal.userEntityRef;
      try {
        const escalation = await audited(
          ctx,
          req,
          'oncall-escalation',
          {
            entityRef: stringifyEntityRef(entity),
            level: req.body.level ?? null,
          },
          () =>
            ctx.oncall.escalate(
              entity,
              {
                reason: req.body.reason,
                ...(req.body.level ? { level: req.body.level } : {}),
              },
              actor,
            ),
        );
        res.status(201).json(escalation as any);
      } catch (error) {
        if (error instanceof TooManyEscalationsError)
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );
}
