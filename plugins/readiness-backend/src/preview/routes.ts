import {
  readinessReadPermission,
  readinessTrackPreviewPermission,
} from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { authorize, RouteContext } from '../service/routeContext';
import { TrackPreviewService } from './TrackPreviewService';

/** What the preview route calls. */
export interface PreviewRouteDeps {
  preview: TrackPreviewService;
}

/** `POST /tracks/preview`: what a proposed track would do to the catalog; a track's file for the playground. */
export function registerPreviewRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & PreviewRouteDeps,
) {
  router.get('/tracks/:trackId/source', async (req, res) => {
    await authorize(ctx, req, readinessReadPermission);
    res.json(ctx.preview.getSource(req.params.trackId));
  });

  router.post('/tracks/preview', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessTrackPreviewPermission,
    );
    res.json(await ctx.preview.preview(req.body, credentials));
  });
}
