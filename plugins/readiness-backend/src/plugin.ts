import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readinessPermissions } from '@internal/plugin-readiness-common';
import {
  OnCallProvider,
  ReadinessFactSource,
  readinessFactSourcesExtensionPoint,
  readinessOnCallProvidersExtensionPoint,
} from '@internal/plugin-readiness-node';
import path from 'node:path';
import { applyDatabaseMigrations } from './database/migrations';
import { readReadinessConfig } from './config';
import { DatabaseEvidenceStore } from './facts/evidence/DatabaseEvidenceStore';
import { createEvidenceFactSource } from './facts/evidence/evidenceFactSource';
import { seedDemoEvidence } from './facts/evidence/demoEvidence';
import { createCatalogFactSource } from './facts/catalog/catalogFactSource';
import { DatabaseAttestationStore } from './scorecards/attestations/DatabaseAttestationStore';
import { DatabaseWaiverStore } from './scorecards/waivers/DatabaseWaiverStore';
import { DatabaseResultStore } from './scorecards/results/DatabaseResultStore';
import { TrackRegistry } from './scorecards/tracks/TrackRegistry';
import { ReadinessService } from './scorecards/ReadinessService';
import { createRouter } from './service/createRouter';
import { DatabaseDeploymentStore } from './deployments/DatabaseDeploymentStore';
import { DeploymentService } from './deployments/DeploymentService';
import { createDeploymentsFactSource } from './deployments/deploymentsFactSource';
import { EntityFileReader } from './catalog/EntityFileReader';
import { RunbookService } from './runbooks/RunbookService';
import { createRunbooksFactSource } from './runbooks/runbooksFactSource';
import { OnCallAsCodeProvider } from './oncall/OnCallAsCodeProvider';
import {
  PagerDutyProvider,
  readPagerDutyConfig,
} from './oncall/PagerDutyProvider';
import { EscalationStore } from './oncall/EscalationStore';
import { EnvironmentStore } from './environments/EnvironmentStore';
import { seedDemoEnvironments } from './environments/demoEnvironments';
import { OnCallService } from './oncall/OnCallService';
import { createOnCallFactSource } from './oncall/oncallFactSource';

/**
 * The Readiness backend plugin: tracks as code, gates as a dependency graph, checks over facts.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const extraSources: ReadinessFactSource[] = [];
    env.registerExtensionPoint(readinessFactSourcesExtensionPoint, {
      addFactSource(...sources) {
        extraSources.push(...sources);
      },
    });
    const extraProviders: OnCallProvider[] = [];
    env.registerExtensionPoint(readinessOnCallProvidersExtensionPoint, {
      addOnCallProvider(...providers) {
        extraProviders.push(...providers);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const settings = readReadinessConfig(deps.config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        const evidence = DatabaseEvidenceStore.create(knex);
        const attestations = DatabaseAttestationStore.create(knex);
        const waivers = DatabaseWaiverStore.create(knex);
        const results = DatabaseResultStore.create(knex);
        const environments = EnvironmentStore.create(knex);

        const deploymentStore = DatabaseDeploymentStore.create(knex);
        const deployments = DeploymentService.create({
          store: deploymentStore,
          catalog: deps.catalog,
          logger: deps.logger,
          ...(settings.rollbackWebhook
            ? { rollbackWebhook: settings.rollbackWebhook }
            : {}),
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
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
        });
        const pagerDuty = readPagerDutyConfig(deps.config);
        const oncall = new OnCallService({
          providers: [
            ...extraProviders,
            new OnCallAsCodeProvider({
              files,
              cache: deps.cache,
              notifications: deps.notifications,
            }),
            ...(pagerDuty
              ? [new PagerDutyProvider(pagerDuty, deps.logger)]
              : []),
          ],
          store: EscalationStore.create(knex),
          catalog: deps.catalog,
          logger: deps.logger,
          rateLimit: settings.oncall.escalationRateLimit,
        });

        const factSources = [
          createCatalogFactSource(),
          createEvidenceFactSource(evidence),
          createDeploymentsFactSource(deploymentStore),
          createRunbooksFactSource(runbooks),
          createOnCallFactSource(oncall, deps.logger),
          ...extraSources,
        ];
        const tracks = await TrackRegistry.fromConfig({
          config: deps.config,
          reader: deps.urlReader,
          knownFactTypes: factSources.flatMap(s =>
            s.factTypes.map(t => t.type),
          ),
          rootDir: targetPaths.rootDir,
        });
        deps.logger.info(
          `Loaded ${tracks.list().length} readiness track(s): ${tracks
            .list()
            .map(t => t.track.metadata.name)
            .join(', ')}`,
        );

        const service = ReadinessService.create({
          tracks,
          factSources,
          catalog: deps.catalog,
          auth: deps.auth,
          attestations,
          waivers,
          results,
          logger: deps.logger,
          notifications: deps.notifications,
          environments,
        });

        if (settings.demoSeed) {
          await seedDemoEvidence(evidence, deps.logger);
          await seedDemoEnvironments(environments, deps.logger);
        }

        deps.permissionsRegistry.addPermissions(readinessPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            logger: deps.logger,
            service,
            tracks,
            evidence,
            attestations,
            waivers,
            results,
            deployments,
            runbooks,
            oncall,
            environments,
            maxWaiverDays: settings.maxWaiverDays,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });

        await deps.scheduler.scheduleTask({
          id: 'readiness-evaluate-all',
          frequency: settings.evaluation.frequency,
          timeout: settings.evaluation.timeout,
          initialDelay: settings.evaluation.initialDelay,
          fn: async () => {
            const started = Date.now();
            const run = await service.refreshAll();
            deps.logger.info(
              `Evaluated ${run.entities} entities in ${
                Date.now() - started
              } ms; ${run.transitions} transitions`,
            );
          },
        });

        await deps.scheduler.scheduleTask({
          id: 'readiness-runbooks-refresh',
          frequency: settings.runbooks.refresh,
          timeout: { minutes: 10 },
          initialDelay: { seconds: 5 },
          scope: 'local',
          fn: async () => {
            const run = await runbooks.refreshAll();
            deps.logger.info(
              `Read ${run.runbooks} runbook(s) of ${run.entities} entities; ${run.problems} with problems`,
            );
          },
        });
      },
    });
  },
});
