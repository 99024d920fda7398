import { InputError } from '@backstage/errors';
import {
  entityRefKey,
  readinessReadPermission,
  readinessRefreshPermission,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import {
  acceptsGzip,
  ReadinessRouter,
  sendStoredJson,
} from '../service/ReadinessRouter';
import { authorize, RouteContext } from '../service/routeContext';
import { OverviewReader } from './read/OverviewReader';
import { ScorecardReader } from './read/ScorecardReader';
import { SystemReadinessReader } from './read/SystemReadinessReader';
import { ResultStore } from './results/ResultStore';
import { ScorecardEvaluator } from './ScorecardEvaluator';
import { TrackRegistry } from './tracks/TrackRegistry';

/** What the scorecard routes call. */
export interface ScorecardRouteDeps {
  catalog: EntityCatalog;
  tracks: TrackRegistry;
  results: ResultStore;
  evaluator: ScorecardEvaluator;
  scorecards: ScorecardReader;
  overview: OverviewReader;
  systems: SystemReadinessReader;
}

/** Tracks, scorecards, gates, systems, history and refresh. */
export function registerScorecardRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & ScorecardRouteDeps,
) {
  const knownTrack = (trackId: string | undefined) => {
    if (trackId && !ctx.tracks.get(trackId)) {
      throw new InputError(`trackId: no track '${trackId}'`);
    }
    return trackId;
  };

  router.get('/tracks', async (req, res) => {
    await authorize(ctx, req, readinessReadPermission);
    res.json({
      version: ctx.tracks.version,
      items: ctx.tracks.definitions(),
      problems: ctx.tracks.problems(),
    });
  });

  router.get('/overview', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const { trackId, owner, system, status } = req.query;
    knownTrack(trackId);
    const overview = await ctx.overview.getOverview(credentials, {
      ...(trackId ? { trackId } : {}),
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      ...(status ? { status } : {}),
    });
    res.json({ ...overview, trackProblems: ctx.tracks.problems() });
  });

  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    // A ScorecardAnswer: the stored view's body as it is kept, compressed when the caller accepts gzip.
    sendStoredJson(
      req,
      res,
      await ctx.scorecards.getScorecardAnswer(
        entityRefKey(req.params),
        credentials,
        { gzip: acceptsGzip(req) },
      ),
    );
  });

  router.get('/scorecards/:kind/:namespace/:name/summary', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    res.json(
      await ctx.scorecards.getSummary(entityRefKey(req.params), credentials),
    );
  });

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const entity = await ctx.catalog.getEntity(
      entityRefKey(req.params),
      credentials,
    );
    const { trackId, limit, before } = req.query;
    knownTrack(trackId);
    const items = await ctx.results.history(entityRefKey(entity), {
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
      const entity = await ctx.catalog.getEntity(
        entityRefKey(req.params),
        credentials,
      );
      const { transitions } = await ctx.evaluator.refresh(
        [entity],
        credentials,
      );
      res.json({ transitions });
    },
  );

  router.get(
    '/gates/:kind/:namespace/:name/:trackId/:gateId',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessReadPermission);
      const { trackId, gateId } = req.params;
      res.json(
        await ctx.scorecards.getGate(
          entityRefKey(req.params),
          trackId,
          gateId,
          credentials,
        ),
      );
    },
  );

  router.get('/systems/:namespace/:name', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    const systemRef = entityRefKey({ kind: 'system', ...req.params });
    res.json(await ctx.systems.getSystemReadiness(systemRef, credentials));
  });
}
