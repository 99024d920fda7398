import express from 'express';
import { registerScorecardRoutes } from '../scorecards/routes';
import { registerEvidenceRoutes } from '../facts/evidence/routes';
import { registerAttestationRoutes } from '../scorecards/attestations/routes';
import { registerWaiverRoutes } from '../scorecards/waivers/routes';
import { registerDeploymentRoutes } from '../deployments/routes';
import { registerRunbookRoutes } from '../runbooks/routes';
import { registerOnCallRoutes } from '../oncall/routes';
import { registerEnvironmentRoutes } from '../environments/routes';
import { registerPreviewRoutes } from '../preview/routes';
import { registerCampaignRoutes } from '../campaigns/routes';
import { createReadinessRouter } from './ReadinessRouter';
import { databaseUnavailableMiddleware } from './databaseUnavailable';
import { countRejectedRequests } from './rejectedRequests';
import { ReadinessContext } from './ReadinessContext';
import { RouteContext } from './routeContext';

/** The plugin's HTTP API: every capability's routes on one router validated against openapi.yaml. */
export async function createRouter(
  deps: RouteContext & ReadinessContext,
): Promise<express.Router> {
  const router = createReadinessRouter();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  registerScorecardRoutes(router, deps);
  registerEvidenceRoutes(router, deps);
  registerAttestationRoutes(router, deps);
  registerWaiverRoutes(router, deps);
  registerDeploymentRoutes(router, deps);
  registerRunbookRoutes(router, deps);
  registerOnCallRoutes(router, deps);
  registerEnvironmentRoutes(router, deps);
  registerPreviewRoutes(router, deps);
  registerCampaignRoutes(router, deps);
  // Last: counts what is refused with a 4xx, and turns "the database cannot be reached" from any route into a 503
  // with Retry-After.
  router.use(countRejectedRequests(deps.metrics));
  router.use(databaseUnavailableMiddleware);
  return router;
}
