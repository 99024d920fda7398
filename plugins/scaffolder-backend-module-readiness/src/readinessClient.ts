import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ReadinessApi, ReadinessClient } from '@internal/plugin-readiness-common';

/** The readiness backend, called with this backend's own service credentials. */
export function serviceReadinessClient(discovery: DiscoveryService, auth: AuthService): ReadinessApi {
  return new ReadinessClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'readiness',
        });
        return fetch(input, { ...init, headers: { ...(init?.headers as object), Authorization: `Bearer ${token}` } });
      },
    },
  });
}
