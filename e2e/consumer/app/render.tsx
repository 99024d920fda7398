// Renders the readiness card of the consumer's checkout-api in a browser, inside a Backstage test app, with the
// plugin's real API client talking to the consumer backend (the static token stands in for a signed-in user).
import { createRoot } from 'react-dom/client';
import { wrapInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityReadinessCard,
  readinessApiRef,
} from '@readiness-io/plugin-readiness';
import { ReadinessClient } from '@readiness-io/plugin-readiness-common';

const backend = 'http://localhost:7107';
const client = new ReadinessClient({
  discoveryApi: { getBaseUrl: async (id: string) => `${backend}/api/${id}` },
  fetchApi: {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          Authorization: 'Bearer consumer-ci-token',
        },
      }),
  },
});

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    title: 'Checkout API',
  },
  spec: { type: 'service', owner: 'group:default/payments', system: 'shop' },
};

createRoot(document.getElementById('root')!).render(
  wrapInTestApp(
    <TestApiProvider apis={[[readinessApiRef, client]]}>
      <EntityProvider entity={entity}>
        <EntityReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
  ),
);
