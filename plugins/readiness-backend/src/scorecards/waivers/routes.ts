import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  readinessWaiverApprovePermission,
  readinessWaiverRequestPermission,
  readinessWaiverRevokePermission,
} from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import {
  audited,
  authorizeUser,
  RouteContext,
} from '../../service/routeContext';
import { normalizeRef, ReadinessService } from '../ReadinessService';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { futureDate, resolveCheckTarget } from '../checkTarget';
import { WaiverStore } from './WaiverStore';

/** Waivers: request (reason + expiry), approval by a different person, revocation. All audited. */
export function registerWaiverRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & {
    waivers: WaiverStore;
    tracks: TrackRegistry;
    service: ReadinessService;
    maxWaiverDays: number;
  },
) {
  router.post('/waivers', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverRequestPermission,
    );
    const body = req.body;
    const entity = await ctx.service.getEntity(body.entityRef, credentials);
    resolveCheckTarget(ctx.tracks, entity, body);
    const expiresAt = futureDate(
      'expiresAt',
      body.expiresAt,
      new Date(),
      ctx.maxWaiverDays,
    );
    const entityRef = normalizeRef(entity);
    const waiver = await audited(
      ctx,
      req,
      'waiver-request',
      {
        entityRef,
        trackId: body.trackId,
        gateId: body.gateId,
        checkId: body.checkId,
      },
      () =>
        ctx.waivers.request({
          entityRef,
          trackId: body.trackId,
          gateId: body.gateId,
          checkId: body.checkId,
          reason: body.reason,
          requestedBy: credentials.principal.userEntityRef,
          expiresAt: expiresAt.toISOString(),
        }),
    );
    res.status(201).json(waiver);
  });

  router.post('/waivers/:id/approve', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverApprovePermission,
    );
    const approver = credentials.principal.userEntityRef;
    const waiver = await ctx.waivers.get(req.params.id);
    if (!waiver) throw new NotFoundError(`No waiver ${req.params.id}`);
    const entity = await ctx.service.getEntity(waiver.entityRef, credentials);
    const approved = await audited(
      ctx,
      req,
      'waiver-approve',
      { waiverId: waiver.id, entityRef: waiver.entityRef },
      async () => {
        if (normalizeRef(approver) === normalizeRef(waiver.requestedBy)) {
          throw new NotAllowedError(
            'A waiver must be approved by someone other than who requested it',
          );
        }
        if (waiver.revokedAt)
          throw new ConflictError(`Waiver ${waiver.id} was revoked`);
        if (waiver.approvedBy)
          throw new ConflictError(
            `Waiver ${waiver.id} was already approved by ${waiver.approvedBy}`,
          );
        if (new Date(waiver.expiresAt).getTime() <= Date.now())
          throw new ConflictError(`Waiver ${waiver.id} has expired`);
        const result = await ctx.waivers.approve(waiver.id, approver);
        if (!result)
          throw new ConflictError(`Waiver ${waiver.id} is no longer pending`);
        return result;
      },
    );
    await ctx.service.refresh([entity], credentials);
    res.json(approved);
  });

  router.post('/waivers/:id/revoke', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverRevokePermission,
    );
    const waiver = await ctx.waivers.get(req.params.id);
    if (!waiver) throw new NotFoundError(`No waiver ${req.params.id}`);
    const entity = await ctx.service.getEntity(waiver.entityRef, credentials);
    const revoked = await audited(
      ctx,
      req,
      'waiver-revoke',
      { waiverId: waiver.id, entityRef: waiver.entityRef },
      async () => {
        const result = await ctx.waivers.revoke(
          waiver.id,
          credentials.principal.userEntityRef,
        );
        if (!result)
          throw new ConflictError(`Waiver ${waiver.id} was already revoked`);
        return result;
      },
    );
    await ctx.service.refresh([entity], credentials);
    res.json(revoked);
  });
}
