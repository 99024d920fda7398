import {
  AuthService,
  CacheService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { targetPaths } from '@backstage/cli-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  OnCallProvider,
  ReadinessFactSource,
} from '@readiness-io/plugin-readiness-node';
import path from 'node:path';
import { durationToMilliseconds } from '@backstage/types';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { EntityFileReader } from '../catalog/EntityFileReader';
import { ReadinessConfig } from '../config';
import { ReadinessMetrics } from './ReadinessMetrics';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseDeploymentStore } from '../deployments/DatabaseDeploymentStore';
import { DeploymentService } from '../deployments/DeploymentService';
import { createDeploymentsFactSource } from '../deployments/deploymentsFactSource';
import { DatabaseEnvironmentStore } from '../environments/DatabaseEnvironmentStore';
import { EnvironmentService } from '../environments/EnvironmentService';
import { createCatalogFactSource } from '../facts/catalog/catalogFactSource';
import { DatabaseEvidenceStore } from '../facts/evidence/DatabaseEvidenceStore';
import { createEvidenceFactSource } from '../facts/evidence/evidenceFactSource';
import { EvidenceService } from '../facts/evidence/EvidenceService';
import { DatabaseEscalationStore } from '../oncall/DatabaseEscalationStore';
import { OnCallAsCodeProvider } from '../oncall/OnCallAsCodeProvider';
import { createOnCallFactSource } from '../oncall/oncallFactSource';
import { OnCallService } from '../oncall/OnCallService';
import {
  PagerDutyProvider,
  readPagerDutyConfig,
} from '../oncall/PagerDutyProvider';
import { TrackPreviewService } from '../preview/TrackPreviewService';
import { CampaignRegistry } from '../campaigns/CampaignRegistry';
import { CampaignService } from '../campaigns/CampaignService';
import { DatabaseCampaignStore } from '../campaigns/DatabaseCampaignStore';
import { RunbookService } from '../runbooks/RunbookService';
import { createRunbooksFactSource } from '../runbooks/runbooksFactSource';
import { AttestationService } from '../scorecards/attestations/AttestationService';
import { DatabaseAttestationStore } from '../scorecards/attestations/DatabaseAttestationStore';
import { EvaluationInputs } from '../scorecards/evaluation/EvaluationInputs';
import { EvaluationQueue } from '../scorecards/EvaluationQueue';
import { OverviewReader } from '../scorecards/read/OverviewReader';
import { ScorecardReader } from '../scorecards/read/ScorecardReader';
import { DatabaseScorecardViewStore } from '../scorecards/views/DatabaseScorecardViewStore';
import { ScorecardViews } from '../scorecards/views/ScorecardViews';
import { SystemReadinessReader } from '../scorecards/read/SystemReadinessReader';
import { RegressionNotifier } from '../scorecards/RegressionNotifier';
import { DatabaseResultStore } from '../scorecards/results/DatabaseResultStore';
import { ScorecardEvaluator } from '../scorecards/ScorecardEvaluator';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';
import { WaiverService } from '../scorecards/waivers/WaiverService';

/** Every capability's services, built once from the backend's services and the plugin's config. */
export type ReadinessContext = Awaited<
  ReturnType<typeof createReadinessContext>
>;

/**
 * Builds the stores, the services of each capability and the track registry, and connects them: new facts and
 * environment changes ask the evaluation queue for a re-evaluation; scorecards look environments up through the
 * environments service. Dependencies point from the routes to the services to the stores and the catalog.
 */
export async function createReadinessContext(deps: {
  config: Config;
  settings: ReadinessConfig;
  logger: LoggerService;
  database: DatabaseService;
  auth: AuthService;
  permissions: PermissionsService;
  urlReader: UrlReaderService;
  cache: CacheService;
  catalog: CatalogService;
  notifications: NotificationService;
  userInfo: UserInfoService;
  extraFactSources: ReadinessFactSource[];
  extraOnCallProviders: OnCallProvider[];
  metrics?: ReadinessMetrics;
}) {
  const { metrics } = deps;
  const { settings, logger } = deps;
  const knex = await deps.database.getClient();
  if (!deps.database.migrations?.skip) await applyDatabaseMigrations(knex);

  const catalog = EntityCatalog.create({
    catalog: deps.catalog,
    auth: deps.auth,
    permissions: deps.permissions,
  });
  const evidenceStore = DatabaseEvidenceStore.create(knex);
  const attestationStore = DatabaseAttestationStore.create(knex);
  const waiverStore = DatabaseWaiverStore.create(knex);
  const results = DatabaseResultStore.create(knex);
  const environmentStore = DatabaseEnvironmentStore.create(knex);
  const deploymentStore = DatabaseDeploymentStore.create(knex);

  // The evaluation queue and the scorecard views are built last (they need the tracks, which need every fact
  // source); the capabilities that produce facts only tell them, through this late-bound reference: views are
  // cleared before the push is answered, the re-evaluation runs in the background.
  const evaluation: { queue?: EvaluationQueue; views?: ScorecardViews } = {};
  const onNewFacts = async (entityRef: string) => {
    await evaluation.views?.invalidate(entityRef);
    void evaluation.queue?.requestRefresh(entityRef);
  };

  const environments = EnvironmentService.create({
    catalog,
    store: environmentStore,
    onChange: async systemRef => {
      await evaluation.views?.invalidateSystem(systemRef);
      void evaluation.queue?.requestSystemRefresh(systemRef);
    },
  });
  const deployments = DeploymentService.create({
    metrics,
    store: deploymentStore,
    catalog,
    environments,
    logger,
    onNewFacts,
    ...(settings.rollbackWebhook
      ? { rollbackWebhook: settings.rollbackWebhook }
      : {}),
  });
  const evidence = EvidenceService.create({
    metrics,
    catalog,
    store: evidenceStore,
    onNewFacts,
  });
  const files = new EntityFileReader({
    reader: deps.urlReader,
    localRoots: (settings.localRoots ?? [targetPaths.rootDir]).map(root =>
      path.resolve(targetPaths.rootDir, root),
    ),
  });
  const runbooks = RunbookService.create({
    files,
    cache: deps.cache.withOptions({ defaultTtl: { hours: 24 } }),
    catalog,
    logger,
  });
  const pagerDuty = readPagerDutyConfig(deps.config);
  const oncall = new OnCallService({
    providers: [
      ...deps.extraOnCallProviders,
      new OnCallAsCodeProvider({
        files,
        cache: deps.cache,
        notifications: deps.notifications,
      }),
      ...(pagerDuty ? [new PagerDutyProvider(pagerDuty, logger)] : []),
    ],
    store: DatabaseEscalationStore.create(knex),
    catalog,
    logger,
    rateLimit: settings.oncall.escalationRateLimit,
    metrics,
  });

  const factSources = [
    createCatalogFactSource(),
    createEvidenceFactSource(evidenceStore),
    createDeploymentsFactSource(deploymentStore),
    createRunbooksFactSource(runbooks),
    createOnCallFactSource(oncall, logger),
    ...deps.extraFactSources,
  ];
  const knownFactTypes = factSources.flatMap(s => s.factTypes.map(t => t.type));
  const tracks = await TrackRegistry.fromConfig({
    config: deps.config,
    reader: deps.urlReader,
    knownFactTypes,
    rootDir: targetPaths.rootDir,
  });
  const campaignRegistry = await CampaignRegistry.load({
    files: settings.campaigns.files,
    reader: deps.urlReader,
    rootDir: targetPaths.rootDir,
    tracks,
  });
  reportTracks(tracks, settings, logger, campaignRegistry);
  const campaignStore = DatabaseCampaignStore.create(knex);
  metrics?.observeTracks(() => ({
    loaded: tracks.list().length,
    failed: tracks.problems().length,
  }));

  const inputs = EvaluationInputs.create({
    tracks,
    factSources,
    catalog,
    attestations: attestationStore,
    waivers: waiverStore,
    environments,
  });
  const evaluator = ScorecardEvaluator.create({
    inputs,
    results,
    metrics,
    notifier: RegressionNotifier.create({
      tracks,
      logger,
      notifications: deps.notifications,
      metrics,
    }),
  });
  const views = ScorecardViews.create({
    store: DatabaseScorecardViewStore.create(knex),
    tracks,
    evaluator,
    results,
    maxAgeMs: durationToMilliseconds(settings.evaluation.scorecardMaxAge),
  });
  evaluation.views = views;
  const queue = EvaluationQueue.create({
    tracks,
    catalog,
    evaluator,
    views,
    logger,
  });
  evaluation.queue = queue;
  // An attestation or a waiver changes the entity's inputs: its view is cleared and its statuses stored at once.
  const evaluate = async (
    ...[entities, credentials]: Parameters<ScorecardEvaluator['refresh']>
  ) => {
    for (const entity of entities) await views.invalidate(entityRefKey(entity));
    return evaluator.refresh(entities, credentials);
  };
  const waivers = WaiverService.create({
    catalog,
    tracks,
    store: waiverStore,
    maxWaiverDays: settings.maxWaiverDays,
    evaluate: (entity, credentials) => evaluate([entity], credentials),
  });

  return {
    metrics,
    catalog,
    tracks,
    results,
    evaluator,
    queue,
    views,
    scorecards: ScorecardReader.create({ catalog, tracks, views }),
    overview: OverviewReader.create({ catalog, tracks, results }),
    preview: TrackPreviewService.create({
      catalog,
      tracks,
      inputs,
      knownFactTypes,
    }),
    systems: SystemReadinessReader.create({ catalog, tracks, evaluator }),
    attestations: AttestationService.create({
      catalog,
      tracks,
      store: attestationStore,
      evaluate: (entity, credentials) => evaluate([entity], credentials),
    }),
    waivers,
    campaignRegistry,
    campaignStore,
    campaigns: CampaignService.create({
      campaigns: campaignRegistry,
      tracks,
      catalog,
      results,
      waiverStore,
      waivers,
      store: campaignStore,
      notifications: deps.notifications,
      userInfo: deps.userInfo,
      logger,
      nudgeIntervalMs: durationToMilliseconds(settings.campaigns.nudgeInterval),
    }),
    evidence,
    evidenceStore,
    deployments,
    runbooks,
    oncall,
    environments,
    environmentStore,
    deploymentStore,
  };
}

/**
 * Logs the loaded tracks and campaigns and every broken file (file and path); with `trackErrors: fail`, refuses to
 * start.
 */
function reportTracks(
  tracks: TrackRegistry,
  settings: ReadinessConfig,
  logger: LoggerService,
  campaigns: CampaignRegistry,
) {
  const names = tracks.list().map(t => t.track.metadata.name);
  logger.info(`Loaded ${names.length} readiness track(s): ${names.join(', ')}`);
  for (const problem of tracks.problems()) {
    logger.error(`Readiness track not loaded: ${problem.message}`);
  }
  if (settings.campaigns.files.length > 0) {
    const ids = campaigns.list().map(c => c.id);
    logger.info(
      `Loaded ${ids.length} readiness campaign(s): ${ids.join(', ')}`,
    );
  }
  for (const problem of campaigns.problems()) {
    logger.error(`Readiness campaign not loaded: ${problem.message}`);
  }
  const problems = [...tracks.problems(), ...campaigns.problems()];
  if (settings.trackErrors === 'fail' && problems.length > 0) {
    throw new Error(
      `readiness.trackErrors is 'fail' and ${
        problems.length
      } track or campaign file(s) have errors: ${problems
        .map(p => p.message)
        .join('; ')}`,
    );
  }
}
