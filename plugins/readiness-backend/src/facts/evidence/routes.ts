import { readinessEvidenceCreatePermission } from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../../service/ReadinessRouter';
import { authorize, RouteContext } from '../../service/routeContext';
import {
  normalizeRef,
  ReadinessService,
} from '../../scorecards/ReadinessService';
import { EvidenceStore } from './EvidenceStore';

/** Who recorded something: the user, or the external service (e.g. `external:ci`). */
export function principalName(credentials: { principal: unknown }): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.type === 'user' ? p.userEntityRef! : p.subject ?? 'service';
}

/** POST /evidence: CI pushes evidence; the entity is evaluated again right after. */
export function registerEvidenceRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { evidence: EvidenceStore; service: ReadinessService },
) {
  router.post('/evidence', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessEvidenceCreatePermission,
    );
    const body = req.body;
    const entity = await ctx.service.getEntity(body.entityRef, credentials, {
      cached: true,
    });
    const entityRef = normalizeRef(entity);
    const { evidence, created } = await ctx.evidence.record(
      {
        entityRef,
        type: body.type,
        value: (body.value ?? null) as any,
        observedAt: body.observedAt ?? new Date().toISOString(),
        ...(body.commitSha ? { commitSha: body.commitSha } : {}),
        ...(body.url ? { url: body.url } : {}),
        ...(body.externalId ? { externalId: body.externalId } : {}),
      },
      principalName(credentials),
    );
    if (created) {
      // Re-evaluated in the background (coalesced with other new facts); the response does not wait for it.
      void ctx.service.requestRefresh(entityRef);
    }
    res.status(created ? 201 : 200).json(evidence as any);
  });
}
