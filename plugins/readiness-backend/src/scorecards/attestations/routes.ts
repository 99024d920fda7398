import { readinessAttestationCreatePermission } from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import {
  audited,
  authorizeUser,
  RouteContext,
} from '../../service/routeContext';
import { AttestationService } from './AttestationService';

/** POST /attestations: a signed-in person signs off a manual check. */
export function registerAttestationRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { attestations: AttestationService },
) {
  router.post('/attestations', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessAttestationCreatePermission,
    );
    const { entityRef, trackId, gateId, checkId } = req.body;
    const attestation = await audited(
      ctx,
      req,
      'attestation-create',
      { entityRef, trackId, gateId, checkId },
      () => ctx.attestations.attest(req.body, credentials),
    );
    res.status(201).json(attestation);
  });
}
