import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  ReadinessApi,
  ReadinessClient,
} from '@readiness-io/plugin-readiness-common';

/**
 * The readiness backend's typed client for other backend plugins and modules, calling with the caller's own service
 * credentials (a plugin request token for `readiness`).
 *
 * @public
 */
export function createServiceReadinessClient(
  discovery: DiscoveryService,
  auth: AuthService,
): ReadinessApi {
  return new ReadinessClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'readiness',
        });
        return fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as object),
            Authorization: `Bearer ${token}`,
          },
        });
      },
    },
  });
}
