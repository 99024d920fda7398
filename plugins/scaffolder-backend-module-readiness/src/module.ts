import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createEnvironmentValidateAction } from './actions/environmentValidate';
import { createGateCheckAction } from './actions/gateCheck';
import { serviceReadinessClient } from './readinessClient';

/**
 * The readiness actions for the scaffolder: `readiness:gate:check` and `readiness:environment:validate`.
 * `readiness.scaffolder.productionGate` (trackId, gateId) is the gate a system must pass before it gets a
 * production environment; default rag-production-readiness / deployment-prepared.
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
        const readiness = serviceReadinessClient(discovery, auth);
        const gate = config.getOptionalConfig('readiness.scaffolder.productionGate');
        const productionGate = {
          trackId: gate?.getString('trackId') ?? 'rag-production-readiness',
          gateId: gate?.getString('gateId') ?? 'deployment-prepared',
        };
        actions.addActions(
          createGateCheckAction({ readiness }),
          createEnvironmentValidateAction({ readiness, catalog, auth, productionGate }),
        );
      },
    });
  },
});
