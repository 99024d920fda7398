import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { readinessFactRetriever } from './readinessFactRetriever';

/**
 * Adds the readiness fact retriever to tech-insights. Its cadence and lifecycle come from
 * `techInsights.factRetrievers.readinessFactRetriever` in app-config, like the built-in retrievers'.
 *
 * @public
 */
export const techInsightsModuleReadiness = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'readiness',
  register(reg) {
    reg.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [readinessFactRetriever.id]: readinessFactRetriever,
        });
      },
    });
  },
});
