import { permissionPolicyModule } from './modules/permissionPolicy';

/**
 * Every feature the portal's backend runs, in one list, so that tests can start the same set.
 */
export const backendFeatures = [
  import('@backstage/plugin-app-backend'),

  // Sign-in. The guest provider only hands out sessions while NODE_ENV=development.
  import('@backstage/plugin-auth-backend'),
  import('@backstage/plugin-auth-backend-module-guest-provider'),

  // Catalog, with the Template kind understood so the scaffolder can list templates.
  import('@backstage/plugin-catalog-backend'),
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),

  import('@backstage/plugin-scaffolder-backend'),

  // Tech insights, with json-rules-engine checks configured in app-config.yaml.
  import('@backstage-community/plugin-tech-insights-backend'),
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),

  import('@backstage/plugin-notifications-backend'),
  import('@backstage/plugin-signals-backend'),

  import('@backstage/plugin-permission-backend'),
  permissionPolicyModule,
];
