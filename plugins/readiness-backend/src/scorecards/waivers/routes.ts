import {
  readinessWaiverApprovePermission,
  readinessWaiverRequestPermission,
  readinessWaiverRevokePermission,
} from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import {
  audited,
  authorizeUser,
  RouteContext,
} from '../../service/routeContext';
import { WaiverService } from './WaiverService';

/** Waivers: request (reason + expiry), approval by a different person, revocation. All audited. */
export function registerWaiverRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { waivers: WaiverService },
) {
  router.post('/waivers', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverRequestPermission,
    );
    const { entityRef, trackId, gateId, checkId } = req.body;
    const waiver = await audited(
      ctx,
      req,
      'waiver-request',
      { entityRef, trackId, gateId, checkId },
      () => ctx.waivers.request(req.body, credentials),
    );
    res.status(201).json(waiver);
  });

  router.post('/waivers/:id/approve', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverApprovePermission,
    );
    const { waiver } = await ctx.waivers.get(req.params.id, credentials);
    const approved = await audited(
      ctx,
      req,
      'waiver-approve',
      { waiverId: waiver.id, entityRef: waiver.entityRef },
      () => ctx.waivers.approve(waiver.id, credentials),
    );
    res.json(approved);
  });

  router.post('/waivers/:id/revoke', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverRevokePermission,
    );
    const { waiver } = await ctx.waivers.get(req.params.id, credentials);
    const revoked = await audited(
      ctx,
      req,
      'waiver-revoke',
      { waiverId: waiver.id, entityRef: waiver.entityRef },
      () => ctx.waivers.revoke(waiver.id, credentials),
    );
    res.json(revoked);
  });
}
