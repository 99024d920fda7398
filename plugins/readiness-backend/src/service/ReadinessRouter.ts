import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';

/** The plugin's router, typed from and validated against src/schema/openapi.yaml. */
export type ReadinessRouter = ReturnType<typeof createReadinessRouter>;

export function createReadinessRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec);
}
