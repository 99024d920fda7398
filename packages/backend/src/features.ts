import appPlugin from '@backstage/plugin-app-backend';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import oidcProviderModule from '@backstage/plugin-auth-backend-module-oidc-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsJsonRulesEngineModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import eventsPlugin from '@backstage/plugin-events-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import readinessPlugin from '@readiness-io/plugin-readiness-backend';
import techInsightsReadinessModule from '@readiness-io/plugin-tech-insights-backend-module-readiness';
import scaffolderReadinessModule from '@readiness-io/plugin-scaffolder-backend-module-readiness';
import { permissionPolicyModule } from './modules/permissionPolicy';
import { drainingRootHttpRouter } from './modules/drainingHttpRouter';
import { emailNotifications } from './modules/emailNotifications';

/**
 * The portal's features except the app (the frontend bundle server), in one list so that tests
 * start exactly what production runs.
 */
export const apiFeatures = [
  // Backstage's HTTP router, closing kept-alive connections once shutdown begins (rolling restarts).
  drainingRootHttpRouter,

  // Sign-in. The guest provider only hands out sessions while NODE_ENV=development.
  authPlugin,
  guestProviderModule,
  // OpenID Connect, configured in production (auth.providers.oidc): people resolve to catalog Users by email.
  oidcProviderModule,

  // Catalog, with the Template kind understood so the scaffolder can list templates.
  catalogPlugin,
  scaffolderEntityModelModule,

  scaffolderPlugin,
  scaffolderReadinessModule,

  // Tech insights, with json-rules-engine checks configured in app-config.yaml.
  techInsightsPlugin,
  techInsightsJsonRulesEngineModule,
  techInsightsReadinessModule,

  // Events carry signals and catalog events between plugins (and replicas).
  eventsPlugin,
  notificationsPlugin,
  // By email too, when notifications.processors.email is configured (SMTP, SES, sendmail or Azure).
  emailNotifications,
  signalsPlugin,

  permissionPlugin,
  permissionPolicyModule,

  // Readiness: tracks, gates, checks over facts (plugins/readiness-backend).
  readinessPlugin,

  // The actions of the plugins listed under backend.actions.pluginSources (readiness), served to AI assistants over
  // MCP (Streamable HTTP at /api/mcp-actions/v1).
  mcpActionsPlugin,
];

/** Everything the portal's backend runs. */
export const backendFeatures = [appPlugin, ...apiFeatures];
