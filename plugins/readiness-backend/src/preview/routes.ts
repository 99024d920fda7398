import { readinessTrackPreviewPermission } from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import { authorize, RouteContext } from '../service/routeContext';
import { TrackPreviewService } from './TrackPreviewService';

/** What the preview route calls. */
export interface PreviewRouteDeps {
  preview: TrackPreviewService;
}

/** `POST /tracks/preview`: what a proposed track would do to the catalog. */
export function registerPreviewRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & PreviewRouteDeps,
) {
  router.post('/tracks/preview', async (req, res) => {
    const credentials = await authorize(
      ctx,
      req,
      readinessTrackPreviewPermission,
    );
    res.json(await ctx.preview.preview(req.body, credentials));
  });
}
