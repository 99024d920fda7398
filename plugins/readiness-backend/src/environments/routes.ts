import {
  readinessEnvironmentDecommissionPermission,
  readinessEnvironmentRecordPermission,
  readinessReadPermission,
} from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { audited, authorize, RouteContext } from '../service/routeContext';
import { EnvironmentService } from './EnvironmentService';

/**
 * The environments registry: the scaffolder's provision and decommission actions (or whoever provisions
 * environments) record here which environment Resources exist for which System and of which tier; gates scoped to
 * an environment apply while one of their tier or name is active.
 */
export function registerEnvironmentRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { environments: EnvironmentService },
) {
  router.get('/environments', async (req, res) => {
    await authorize(ctx, req, readinessReadPermission);
    const { system, includeDecommissioned } = req.query;
    const items = await ctx.environments.list({
      ...(system ? { system } : {}),
      includeDecommissioned: includeDecommissioned === 'true',
    });
    res.json({ items });
  });

  router.put('/environments/:namespace/:name', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessEnvironmentRecordPermission,
    );
    const { namespace, name } = req.params;
    const { environment, created } = await audited(
      ctx,
      req,
      'readiness-environment-record',
      { namespace, name, system: req.body.system, tier: req.body.tier },
      () => ctx.environments.record(req.params, req.body, credentials),
    );
    res.status(created ? 201 : 200).json(environment);
  });

  router.post(
    '/environments/:namespace/:name/decommission',
    async (req, res) => {
      const credentials = await authorize(
        ctx,
        req,
        readinessEnvironmentDecommissionPermission,
      );
      const { namespace, name } = req.params;
      const environment = await audited(
        ctx,
        req,
        'readiness-environment-decommission',
        { namespace, name },
        () =>
          ctx.environments.decommission(
            req.params,
            req.body ?? {},
            credentials,
          ),
      );
      res.json(environment);
    },
  );
}
