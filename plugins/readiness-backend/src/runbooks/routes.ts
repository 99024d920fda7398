import {
  entityRefKey,
  readinessReadPermission,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { authorize, RouteContext } from '../service/routeContext';
import { RunbookService } from './RunbookService';

/** Runbooks: an entity's list (with Markdown and parse errors), and which runbook answers an alert. */
export function registerRunbookRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { runbooks: RunbookService; catalog: EntityCatalog },
) {
  router.get('/runbooks/by-alert/:alert', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    res.json(await ctx.runbooks.byAlert(req.params.alert, credentials));
  });

  router.get('/runbooks/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.catalog.getEntity(
      entityRefKey(req.params),
      credentials,
    );
    res.json(await ctx.runbooks.forEntity(entity));
  });
}
