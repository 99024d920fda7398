import { Navigate, Route } from 'react-router-dom';
import { apiDocsPlugin, ApiExplorerPage } from '@backstage/plugin-api-docs';
import { CatalogEntityPage, catalogPlugin } from '@backstage/plugin-catalog';
import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { orgPlugin } from '@backstage/plugin-org';
import { UserSettingsPage } from '@backstage/plugin-user-settings';
import { CatalogGraphPage } from '@backstage/plugin-catalog-graph';
import { NotificationsPage } from '@backstage/plugin-notifications';
import { SignalsDisplay } from '@backstage/plugin-signals';
import { AlertDisplay, OAuthRequestDialog } from '@backstage/core-components';
import { ConfiguredSignInPage } from './signIn';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { apis } from './apis';
import { entityPage } from './components/catalog/EntityPage';
import { catalogIndexPage } from './components/catalog/CatalogIndex';
import { Root } from './components/Root';
import {
  EnvironmentNameFieldExtension,
  EnvironmentTierFieldExtension,
  ReadinessPage,
} from '@readiness-io/plugin-readiness';
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';

const app = createApp({
  apis,
  bindRoutes({ bind }) {
    bind(catalogPlugin.externalRoutes, {
      createComponent: scaffolderPlugin.routes.root,
      createFromTemplate: scaffolderPlugin.routes.selectedTemplate,
    });
    bind(apiDocsPlugin.externalRoutes, {
      registerApi: scaffolderPlugin.routes.root,
    });
    bind(scaffolderPlugin.externalRoutes, {
      registerComponent: catalogPlugin.routes.catalogIndex,
    });
    bind(orgPlugin.externalRoutes, {
      catalogIndex: catalogPlugin.routes.catalogIndex,
    });
  },
  components: {
    // Guest sign-in for local use; production signs in with OIDC (app.signIn.providers, docs/deploy.md).
    SignInPage: ConfiguredSignInPage,
  },
});

export const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route path="/catalog" element={catalogIndexPage} />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route
      path="/create"
      element={
        <ScaffolderPage
          headerOptions={{
            title: 'Self-service',
            subtitle:
              'Provision environments and more from templates; each one says what it creates',
          }}
        />
      }
    >
      <ScaffolderFieldExtensions>
        <EnvironmentNameFieldExtension />
        <EnvironmentTierFieldExtension />
      </ScaffolderFieldExtensions>
    </Route>
    <Route path="/api-docs" element={<ApiExplorerPage />} />
    <Route path="/catalog-graph" element={<CatalogGraphPage />} />
    <Route path="/readiness" element={<ReadinessPage />} />
    <Route path="/notifications" element={<NotificationsPage />} />
    <Route path="/settings" element={<UserSettingsPage />} />
  </FlatRoutes>
);

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <SignalsDisplay />
    <AppRouter>
      <Root>{routes}</Root>
    </AppRouter>
  </>,
);
