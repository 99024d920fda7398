import { InputError, NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  readinessReadPermission,
  readinessRefreshPermission,
} from '@internal/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { authorize, RouteContext } from '../service/routeContext';
import { normalizeRef, ReadinessService } from './ReadinessService';
import { ResultStore } from './results/ResultStore';
import { TrackRegistry } from './tracks/TrackRegistry';

const refOf = (p: { kind: string; namespace: string; name: string }) =>
  stringifyEntityRef(p).toLocaleLowerCase('en-US');

/** Tracks, scorecards, gates, systems, history and refresh. */
export function registerScorecardRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & {
    service: ReadinessService;
    tracks: TrackRegistry;
    results: ResultStore;
  },
) {
  router.get('/tracks', async (req, res) => {
    await authorize(ctx, req, readinessReadPermission);
    res.json({ items: ctx.tracks.definitions() as any });
  });

  router.get('/overview', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const { trackId, owner, system, status } = req.query;
    if (trackId && !ctx.tracks.get(trackId))
      throw new InputError(`trackId: no track '${trackId}'`);
    res.json(
      (await ctx.service.getOverview(credentials, {
        ...(trackId ? { trackId } : {}),
        ...(owner ? { owner } : {}),
        ...(system ? { system } : {}),
        ...(status ? { status } : {}),
      })) as any,
    );
  });

  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    res.json(
      (await ctx.service.getScorecard(refOf(req.params), credentials)) as any,
    );
  });

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.service.getEntity(refOf(req.params), credentials);
    const { trackId, limit, before } = req.query;
    if (trackId && !ctx.tracks.get(trackId)) {
      throw new InputError(`trackId: no track '${trackId}'`);
    }
    const items = await ctx.results.history(normalizeRef(entity), {
      limit: limit ? Number(limit) : 100,
      ...(trackId ? { trackId } : {}),
      ...(before ? { before } : {}),
    });
    res.json({ items });
  });

  router.post(
    '/scorecards/:kind/:namespace/:name/refresh',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessRefreshPermission);
      const entity = await ctx.service.getEntity(
        refOf(req.params),
        credentials,
      );
      const { transitions } = await ctx.service.refresh([entity], credentials);
      res.json({ transitions });
    },
  );

  router.get(
    '/gates/:kind/:namespace/:name/:trackId/:gateId',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessReadPermission);
      const { trackId, gateId } = req.params;
      const track = ctx.tracks.get(trackId);
      if (!track) throw new NotFoundError(`No track '${trackId}'`);
      if (!track.track.spec.gates.some(g => g.id === gateId)) {
        throw new NotFoundError(`Track '${trackId}' has no gate '${gateId}'`);
      }
      const scorecard = await ctx.service.getScorecard(
        refOf(req.params),
        credentials,
      );
      const evaluation = scorecard.tracks.find(
        t => t.track.metadata.name === trackId,
      )?.evaluation;
      if (!evaluation) {
        throw new NotFoundError(
          `Track '${trackId}' does not apply to ${scorecard.entityRef}`,
        );
      }
      res.json({
        entityRef: scorecard.entityRef,
        trackId,
        gate: evaluation.gates.find(g => g.gateId === gateId)! as any,
      });
    },
  );

  router.get('/systems/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const systemRef = refOf({ kind: 'system', ...req.params });
    res.json(
      (await ctx.service.getSystemReadiness(systemRef, credentials)) as any,
    );
  });
}
