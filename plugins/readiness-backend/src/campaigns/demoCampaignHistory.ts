import { LoggerService } from '@backstage/backend-plugin-api';
import { CampaignRegistry } from './CampaignRegistry';
import { CampaignStore } from './CampaignStore';
import { addDays, dayOf } from './forecast';

/** The demo campaign, whose past the seed report tells. */
export const DEMO_CAMPAIGN = 'rag-ready-for-production';

/**
 * The demo campaign's past as the seed report tells it: every week since the campaign started, the four RAG
 * services in scope and none of them done (OIDC login has failed since sprint 2, so nothing after it could pass).
 * Recorded once, when the campaign has no history yet; today's progress is recorded by the schedule, from the real
 * results.
 */
export async function seedDemoCampaignHistory(
  campaigns: CampaignRegistry,
  store: CampaignStore,
  logger: LoggerService,
  now = new Date(),
): Promise<number> {
  const def = campaigns.get(DEMO_CAMPAIGN);
  if (!def || (await store.history(def.id)).length > 0) return 0;
  const today = dayOf(now);
  const counts = { total: 4, done: 0, notDone: 4, notMeasured: 0, exempt: 0 };
  let recorded = 0;
  for (let day = def.startDate; day < today; day = addDays(day, 7)) {
    await store.saveSnapshot({
      campaignId: def.id,
      day,
      progress: counts,
      teams: { 'group:default/rag-team': counts },
    });
    recorded++;
  }
  logger.info(
    `Recorded ${recorded} past week(s) of the demo campaign '${def.id}'`,
  );
  return recorded;
}
