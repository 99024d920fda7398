import {
  entityRefKey,
  readinessCampaignNudgePermission,
  readinessReadPermission,
  readinessWaiverRequestPermission,
} from '@readiness-io/plugin-readiness-common';
import { ReadinessRouter } from '../service/ReadinessRouter';
import {
  audited,
  authorize,
  authorizeUser,
  RouteContext,
} from '../service/routeContext';
import { CampaignService, TooManyNudgesError } from './CampaignService';

/** Campaigns: the list, one campaign, an entity's campaigns, nudges and exemptions. */
export function registerCampaignRoutes(
  router: ReadinessRouter,
  ctx: RouteContext & { campaigns: CampaignService },
) {
  router.get('/campaigns', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    res.json(await ctx.campaigns.list(credentials));
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    const credentials = await authorize(ctx, req, readinessReadPermission);
    res.json(await ctx.campaigns.get(req.params.campaignId, credentials));
  });

  router.get(
    '/campaigns/by-entity/:kind/:namespace/:name',
    async (req, res) => {
      const credentials = await authorize(ctx, req, readinessReadPermission);
      res.json(
        await ctx.campaigns.forEntity(entityRefKey(req.params), credentials),
      );
    },
  );

  router.post('/campaigns/:campaignId/nudge', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessCampaignNudgePermission,
    );
    const { campaignId } = req.params;
    try {
      const reminder = await audited(
        ctx,
        req,
        'campaign-nudge',
        { campaignId },
        () => ctx.campaigns.nudge(campaignId, credentials),
      );
      res.json(reminder);
    } catch (error) {
      if (error instanceof TooManyNudgesError)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });

  router.post('/campaigns/:campaignId/exemptions', async (req, res) => {
    const credentials = await authorizeUser(
      ctx,
      req,
      readinessWaiverRequestPermission,
    );
    const { campaignId } = req.params;
    const waiver = await audited(
      ctx,
      req,
      'campaign-exemption-request',
      { campaignId, entityRef: req.body.entityRef },
      () => ctx.campaigns.requestExemption(campaignId, req.body, credentials),
    );
    res.status(201).json(waiver);
  });
}
