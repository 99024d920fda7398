import { createRouteRef } from '@backstage/core-plugin-api';

/** The Readiness page (all entities by track). @public */
export const rootRouteRef = createRouteRef({ id: 'readiness' });
