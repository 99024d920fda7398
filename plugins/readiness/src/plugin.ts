import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { ReadinessClient } from '@readiness-io/plugin-readiness-common';
import {
  EnvironmentTierField,
  environmentTierValidation,
} from './components/Environments/EnvironmentTierField';
import {
  EnvironmentNameField,
  environmentNameValidation,
} from './components/Environments/EnvironmentNameField';
import { readinessApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * Props of the components that reload while visible: `pollIntervalMs` (default 30 000) is how often.
 *
 * @public
 */
export type ReadinessPollingProps = { pollIntervalMs?: number };

/** The Readiness frontend plugin (legacy frontend system; the new one is in `/alpha`). @public */
export const readinessPlugin = createPlugin({
  id: 'readiness',
  apis: [
    createApiFactory({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** Per track: gates passed, the next gate, and what blocks it, in one sentence. @public */
export const EntityReadinessCard: (
  props: ReadinessPollingProps,
) => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () =>
        import('./components/Scorecard/EntityReadinessCard').then(
          m => m.EntityReadinessCard,
        ),
    },
  }),
);

/** The Readiness tab: the gate graph, checks, attest/waive, history, refresh. @public */
export const EntityReadinessContent: (
  props: ReadinessPollingProps,
) => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessContent',
    component: {
      lazy: () =>
        import('./components/Scorecard/EntityReadinessContent').then(
          m => m.EntityReadinessContent,
        ),
    },
  }),
);

/** A System's readiness at a glance, for its Overview tab. @public */
export const EntitySystemReadinessCard: () => JSX.Element =
  readinessPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemReadinessCard',
      component: {
        lazy: () =>
          import('./components/SystemReadiness/EntitySystemReadinessCard').then(
            m => m.EntitySystemReadinessCard,
          ),
      },
    }),
  );

/** The System readiness tab: entities × gates (same point, same row; runs of gates grouped) and what blocks each track. @public */
export const EntitySystemReadinessContent: () => JSX.Element =
  readinessPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemReadinessContent',
      component: {
        lazy: () =>
          import(
            './components/SystemReadiness/EntitySystemReadinessContent'
          ).then(m => m.EntitySystemReadinessContent),
      },
    }),
  );

/** Environment × version matrix with status and age. @public */
export const EntityDeploymentsCard: () => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityDeploymentsCard',
    component: {
      lazy: () =>
        import('./components/Deployments/EntityDeploymentsCard').then(
          m => m.EntityDeploymentsCard,
        ),
    },
  }),
);

/** The Deployments tab: the matrix, history with paging, rollback. @public */
export const EntityDeploymentsContent: () => JSX.Element =
  readinessPlugin.provide(
    createComponentExtension({
      name: 'EntityDeploymentsContent',
      component: {
        lazy: () =>
          import('./components/Deployments/EntityDeploymentsContent').then(
            m => m.EntityDeploymentsContent,
          ),
      },
    }),
  );

/** The Runbooks tab: the list with freshness, the selected runbook, alert lookup. @public */
export const EntityRunbooksContent: () => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksContent',
    component: {
      lazy: () =>
        import('./components/Runbooks/EntityRunbooksContent').then(
          m => m.EntityRunbooksContent,
        ),
    },
  }),
);

/** Who is on call now and next, escalation levels, and Escalate. @public */
export const EntityOnCallCard: () => JSX.Element = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityOnCallCard',
    component: {
      lazy: () =>
        import('./components/OnCall/EntityOnCallCard').then(
          m => m.EntityOnCallCard,
        ),
    },
  }),
);

/** The Readiness page: every entity by track, filters, top root causes. @public */
export const ReadinessPage: () => JSX.Element = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessPage',
    component: () =>
      import('./components/ReadinessPage/ReadinessPage').then(
        m => m.ReadinessPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The `EnvironmentName` field for scaffolder templates (`ui:field: EnvironmentName`): the name of a new environment,
 * checked live against the naming rule and the catalog. Add it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const EnvironmentNameFieldExtension = readinessPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EnvironmentName',
    component: EnvironmentNameField,
    validation: environmentNameValidation,
  }),
);

/**
 * The `EnvironmentTier` field for the environment template: the tier as radio buttons, production refused on the
 * first step (with the reason) while the System has not passed `readiness.scaffolder.productionGate`.
 *
 * @public
 */
export const EnvironmentTierFieldExtension = readinessPlugin.provide(
  createScaffolderFieldExtension({
    name: 'EnvironmentTier',
    component: EnvironmentTierField,
    validation: environmentTierValidation,
  }),
);
