import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readinessPermissions } from '@readiness-io/plugin-readiness-common';
import {
  OnCallProvider,
  ReadinessFactSource,
  readinessFactSourcesExtensionPoint,
  readinessOnCallProvidersExtensionPoint,
} from '@readiness-io/plugin-readiness-node';
import { readReadinessConfig } from './config';
import { seedDemoEvidence } from './facts/evidence/demoEvidence';
import { seedDemoEnvironments } from './environments/demoEnvironments';
import { seedDemoDeployments } from './deployments/demoDeployments';
import { seedDemoCampaignHistory } from './campaigns/demoCampaignHistory';
import { registerReadinessActions } from './actions/registerReadinessActions';
import { createRouter } from './service/createRouter';
import { ReadinessMetrics } from './service/ReadinessMetrics';
import { createReadinessContext } from './service/ReadinessContext';
import { scheduleReadinessTasks } from './service/scheduledTasks';

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
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const settings = readReadinessConfig(deps.config);
        const context = await createReadinessContext({
          ...deps,
          settings,
          extraFactSources: extraSources,
          extraOnCallProviders: extraProviders,
          metrics: ReadinessMetrics.create(deps.metrics),
        });
        if (settings.demoSeed) {
          await seedDemoEvidence(context.evidenceStore, deps.logger);
          await seedDemoEnvironments(context.environmentStore, deps.logger);
          await seedDemoDeployments(context.deploymentStore, deps.logger);
          await seedDemoCampaignHistory(
            context.campaignRegistry,
            context.campaignStore,
            deps.logger,
          );
        }

        deps.permissionsRegistry.addPermissions(readinessPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            logger: deps.logger,
            ...context,
          }),
        );
        registerReadinessActions(deps.actionsRegistry, {
          auth: deps.auth,
          permissions: deps.permissions,
          ...context,
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        await scheduleReadinessTasks({
          scheduler: deps.scheduler,
          logger: deps.logger,
          settings,
          queue: context.queue,
          runbooks: context.runbooks,
          campaigns: context.campaigns,
        });
      },
    });
  },
});
