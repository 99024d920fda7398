import { InputError } from '@backstage/errors';
import { readinessAttestationCreatePermission } from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import {
  audited,
  authorizeUser,
  RouteContext,
} from '../../service/routeContext';
import { normalizeRef, ReadinessService } from '../ReadinessService';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { daysFrom, futureDate, resolveCheckTarget } from '../checkTarget';
import { AttestationStore } from './AttestationStore';

/** POST /attestations: a signed-in person signs off a manual check. */
export function registerAttestationRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & {
    attestations: AttestationStore;
    tracks: TrackRegistry;
    service: ReadinessService;
  },
) {
  router.post('/attestations', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessAttestationCreatePermission,
    );
    const body = req.body;
    const entity = await ctx.service.getEntity(body.entityRef, credentials);
    const check = resolveCheckTarget(ctx.tracks, entity, body);
    if (!check.manual) {
      throw new InputError(
        `checkId: '${body.checkId}' is decided by the fact ${check.fact}, not by attestation`,
      );
    }
    const now = new Date();
    const validUntil = body.validUntil
      ? futureDate(
          'validUntil',
          body.validUntil,
          now,
          check.manual.validForDays,
        )
      : daysFrom(now, check.manual.validForDays);
    const entityRef = normalizeRef(entity);
    const attestation = await audited(
      ctx,
      req,
      'attestation-create',
      {
        entityRef,
        trackId: body.trackId,
        gateId: body.gateId,
        checkId: body.checkId,
      },
      () =>
        ctx.attestations.create({
          entityRef,
          trackId: body.trackId,
          gateId: body.gateId,
          checkId: body.checkId,
          attestedBy: credentials.principal.userEntityRef,
          validUntil: validUntil.toISOString(),
          ...(body.note ? { note: body.note } : {}),
          ...(body.link ? { link: body.link } : {}),
        }),
    );
    await ctx.service.refresh([entity], credentials);
    res.status(201).json(attestation);
  });
}
