import {
  createFrontendPlugin,
  ApiBlueprint,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { ReadinessClient } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from './api';
import { rootRouteRef } from './routes';
import {
  hasOnCall,
  isDeployable,
  isReadinessAvailable,
  isSystemEntity,
} from './conditions';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/readiness',
    title: 'Readiness',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ReadinessPage/ReadinessPage').then(m =>
        compatWrapper(<m.ReadinessPage />),
      ),
  },
});

const readinessCard = EntityCardBlueprint.make({
  name: 'readiness',
  params: {
    filter: isReadinessAvailable,
    loader: () =>
      import('./components/Scorecard/EntityReadinessCard').then(m =>
        compatWrapper(<m.EntityReadinessCard />),
      ),
  },
});

const onCallCard = EntityCardBlueprint.make({
  name: 'oncall',
  params: {
    filter: hasOnCall,
    loader: () =>
      import('./components/OnCall/EntityOnCallCard').then(m =>
        compatWrapper(<m.EntityOnCallCard />),
      ),
  },
});

const deploymentsCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: isDeployable,
    loader: () =>
      import('./components/Deployments/EntityDeploymentsCard').then(m =>
        compatWrapper(<m.EntityDeploymentsCard />),
      ),
  },
});

const readinessContent = EntityContentBlueprint.make({
  name: 'readiness',
  params: {
    path: '/readiness',
    title: 'Readiness',
    filter: (entity: Parameters<typeof isReadinessAvailable>[0]) =>
      isReadinessAvailable(entity) && !isSystemEntity(entity),
    loader: () =>
      import('./components/Scorecard/EntityReadinessContent').then(m =>
        compatWrapper(<m.EntityReadinessContent />),
      ),
  },
});

const systemReadinessContent = EntityContentBlueprint.make({
  name: 'system-readiness',
  params: {
    path: '/readiness',
    title: 'Readiness',
    filter: isSystemEntity,
    loader: () =>
      import('./components/SystemReadiness/EntitySystemReadinessContent').then(
        m => compatWrapper(<m.EntitySystemReadinessContent />),
      ),
  },
});

const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    filter: isDeployable,
    loader: () =>
      import('./components/Deployments/EntityDeploymentsContent').then(m =>
        compatWrapper(<m.EntityDeploymentsContent />),
      ),
  },
});

const runbooksContent = EntityContentBlueprint.make({
  name: 'runbooks',
  params: {
    path: '/runbooks',
    title: 'Runbooks',
    filter: isReadinessAvailable,
    loader: () =>
      import('./components/Runbooks/EntityRunbooksContent').then(m =>
        compatWrapper(<m.EntityRunbooksContent />),
      ),
  },
});

const systemReadinessCard = EntityCardBlueprint.make({
  name: 'system-readiness',
  params: {
    filter: isSystemEntity,
    loader: () =>
      import('./components/SystemReadiness/EntitySystemReadinessCard').then(m =>
        compatWrapper(<m.EntitySystemReadinessCard />),
      ),
  },
});

const environmentsCard = EntityCardBlueprint.make({
  name: 'environments',
  params: {
    filter: isSystemEntity,
    loader: () =>
      import('./components/Environments/SystemEnvironmentsCard').then(m =>
        compatWrapper(<m.SystemEnvironmentsCard />),
      ),
  },
});

/** The catalog index page's "Readiness" filter (ready / not ready / not measured). */
const readinessFilter = CatalogFilterBlueprint.make({
  name: 'readiness',
  params: {
    loader: () =>
      import('./components/Catalog/EntityReadinessPicker').then(m =>
        compatWrapper(<m.EntityReadinessPicker />),
      ),
  },
});

const environmentNameField = FormFieldBlueprint.make({
  name: 'environment-name',
  params: {
    field: () =>
      import('./components/Environments/EnvironmentNameField').then(m =>
        createFormField({
          name: 'EnvironmentName',
          component: m.EnvironmentNameField,
          validation: m.environmentNameValidation,
        }),
      ),
  },
});

const environmentTierField = FormFieldBlueprint.make({
  name: 'environment-tier',
  params: {
    field: () =>
      import('./components/Environments/EnvironmentTierField').then(m =>
        createFormField({
          name: 'EnvironmentTier',
          component: m.EnvironmentTierField,
          validation: m.environmentTierValidation,
        }),
      ),
  },
});

/**
 * The Readiness plugin for the new frontend system: the API, the Readiness page, entity cards (readiness, on-call,
 * deployments; for Systems: readiness and environments), entity content (readiness, system readiness, deployments,
 * runbooks), the catalog's readiness filter, and the environment template's two form fields. (The catalog table's
 * readiness column has no blueprint yet: see the README for adding it to the catalog index page.)
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'readiness',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    api,
    page,
    readinessCard,
    onCallCard,
    deploymentsCard,
    readinessContent,
    systemReadinessContent,
    deploymentsContent,
    runbooksContent,
    systemReadinessCard,
    environmentsCard,
    readinessFilter,
    environmentNameField,
    environmentTierField,
  ],
});
