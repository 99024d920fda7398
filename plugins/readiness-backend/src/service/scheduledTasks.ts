import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ReadinessConfig } from '../config';
import { RunbookService } from '../runbooks/RunbookService';
import { EvaluationQueue } from '../scorecards/EvaluationQueue';
import { CampaignService } from '../campaigns/CampaignService';

/**
 * The plugin's scheduled work: the catalog-wide evaluation (once per tick across replicas) and reading runbooks
 * again (on each replica: it fills the shared cache); campaigns' progress recorded and their due reminders sent
 * (once per tick across replicas).
 */
export async function scheduleReadinessTasks(deps: {
  scheduler: SchedulerService;
  logger: LoggerService;
  settings: ReadinessConfig;
  queue: EvaluationQueue;
  runbooks: RunbookService;
  campaigns: CampaignService;
}) {
  const { scheduler, logger, settings } = deps;
  await scheduler.scheduleTask({
    id: 'readiness-evaluate-all',
    frequency: settings.evaluation.frequency,
    timeout: settings.evaluation.timeout,
    initialDelay: settings.evaluation.initialDelay,
    fn: async () => {
      const started = Date.now();
      const run = await deps.queue.refreshAll();
      // The campaigns' progress, as of these results (the campaign list answers from it).
      await deps.campaigns.recordProgress();
      logger.info(
        `Evaluated ${run.entities} entities in ${Date.now() - started} ms; ${
          run.transitions
        } transitions; ${run.scorecards} scorecards computed again`,
      );
    },
  });
  await scheduler.scheduleTask({
    id: 'readiness-runbooks-refresh',
    frequency: settings.runbooks.refresh,
    timeout: { minutes: 10 },
    initialDelay: { seconds: 5 },
    scope: 'local',
    fn: async () => {
      const run = await deps.runbooks.refreshAll();
      logger.info(
        `Read ${run.runbooks} runbook(s) of ${run.entities} entities; ${run.problems} with problems`,
      );
    },
  });
  await scheduler.scheduleTask({
    id: 'readiness-campaigns',
    frequency: settings.campaigns.frequency,
    timeout: { minutes: 10 },
    initialDelay: settings.campaigns.initialDelay,
    fn: async () => {
      const recorded = await deps.campaigns.recordProgress();
      const sent = await deps.campaigns.sendDueReminders();
      logger.info(
        `Recorded the progress of ${recorded} campaign(s); sent ${sent.length} reminder(s)`,
      );
    },
  });
}
