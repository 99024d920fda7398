import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { targetPaths } from '@backstage/cli-common';
import { createEnvironmentValidateAction } from './actions/environmentValidate';
import {
  catalogReadsDirectory,
  createEnvironmentProvisionAction,
} from './actions/environmentProvision';
import { createEnvironmentDecommissionAction } from './actions/environmentDecommission';
import { createGateCheckAction } from './actions/gateCheck';
import { createServiceReadinessClient } from '@readiness-io/plugin-readiness-node';

/**
 * The readiness actions for the scaffolder: `readiness:gate:check`, `readiness:environment:validate` and, when
 * `readiness.environments.localPublishing` is on and `readiness.environments.directory` set (local setup), `readiness:environment:provision` and
 * `readiness:environment:decommission`.
 * `readiness.scaffolder.productionGate` (trackId, gateId) is the gate a system must pass before it gets a
 * production environment; without it, production environments are refused.
 *
 * @public
 */
export const scaffolderModuleReadiness = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'readiness',
  register(reg) {
    reg.registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ actions, config, discovery, auth, catalog }) {
        const readiness = createServiceReadinessClient(discovery, auth);
        const gate = config.getOptionalConfig(
          'readiness.scaffolder.productionGate',
        );
        const productionGate = gate && {
          trackId: gate.getString('trackId'),
          gateId: gate.getString('gateId'),
        };
        actions.addActions(
          createGateCheckAction({ readiness }),
          createEnvironmentValidateAction({
            readiness,
            catalog,
            auth,
            ...(productionGate ? { productionGate } : {}),
          }),
        );
        // Local publishing (no git host): only where an environments directory is configured.
        const directory = config.getOptionalString(
          'readiness.environments.directory',
        );
        if (
          directory &&
          config.getOptionalBoolean('readiness.environments.localPublishing')
        ) {
          const absolute = path.resolve(targetPaths.rootDir, directory);
          const locations = (
            config.getOptionalConfigArray('catalog.locations') ?? []
          ).map(l => ({
            type: l.getString('type'),
            target: l.getString('target'),
          }));
          // File locations are relative to the backend's working directory.
          if (!catalogReadsDirectory(locations, absolute, process.cwd())) {
            throw new Error(
              `readiness.environments.directory is ${absolute}, but catalog.locations has no { type: file, target: ${path.join(
                absolute,
                '*',
                'catalog-info.yaml',
              )} } (relative to ${process.cwd()}): the catalog would never show provisioned environments`,
            );
          }
          actions.addActions(
            createEnvironmentProvisionAction({
              catalog,
              auth,
              directory: absolute,
              readiness,
            }),
            createEnvironmentDecommissionAction({
              catalog,
              auth,
              directory: absolute,
              readiness,
            }),
          );
        }
      },
    });
  },
});
