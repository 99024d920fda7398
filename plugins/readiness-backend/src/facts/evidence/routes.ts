import { readinessEvidenceCreatePermission } from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import { authorize, RouteContext } from '../../service/routeContext';
import { EvidenceService } from './EvidenceService';

/** POST /evidence: CI pushes evidence; the entity is evaluated again in the background. */
export function registerEvidenceRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { evidence: EvidenceService },
) {
  router.post('/evidence', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessEvidenceCreatePermission,
    );
    const { evidence, created } = await ctx.evidence.record(
      req.body,
      credentials,
    );
    res.status(created ? 201 : 200).json(evidence);
  });
}
