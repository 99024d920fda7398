import { createApiRef } from '@backstage/core-plugin-api';
import type { ReadinessApi } from '@readiness-io/plugin-readiness-common';

export type { ReadinessApi } from '@readiness-io/plugin-readiness-common';

/**
 * The Readiness backend, for components. Implemented by `ReadinessClient` from the -common package
 * over `discoveryApi` and `fetchApi` (the plugin registers that factory).
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.service',
});
