import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  environmentNameProblem,
  isEntityOfKind,
  ProductionGate,
  productionEligibility,
  ReadinessApi,
} from '@readiness-io/plugin-readiness-common';
import { examples } from './environmentValidate.examples';

export type { ProductionGate } from '@readiness-io/plugin-readiness-common';

/**
 * `readiness:environment:validate` — checks a new environment before anything is created: the name's rules, that
 * no catalog entity has it yet, that the system exists, and the tier policy (production needs every component of the
 * system to have passed the production gate; the error names the gate, the components and the root causes).
 * Read-only, so it runs in dry runs too.
 *
 * @public
 */
export function createEnvironmentValidateAction(options: {
  readiness: ReadinessApi;
  catalog: CatalogService;
  auth: AuthService;
  /** Without it (readiness.scaffolder.productionGate unset), production environments are refused. */
  productionGate?: ProductionGate;
}) {
  return createTemplateAction({
    id: 'readiness:environment:validate',
    description:
      'Validates a new environment: name rules, uniqueness in the catalog, the system, and the tier policy.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        system: z =>
          z
            .string()
            .min(1)
            .describe(
              'The System the environment serves, e.g. system:default/rag-platform',
            ),
        name: z =>
          z.string().describe('The environment name, e.g. rag-staging-eu'),
        tier: z =>
          z
            .enum(['dev', 'staging', 'production'])
            .describe('dev, staging or production'),
      },
      output: {
        environmentRef: z =>
          z
            .string()
            .describe(
              'resource:<namespace>/<name> of the environment to create',
            ),
        systemRef: z => z.string().describe('The System, as a full entity ref'),
      },
    },
    async handler(ctx) {
      const { name, tier } = ctx.input;
      const problem = environmentNameProblem(name);
      if (problem) throw new InputError(`name: ${problem}`);
      const systemRef = stringifyEntityRef(
        parseEntityRef(ctx.input.system, {
          defaultKind: 'system',
          defaultNamespace: 'default',
        }),
      );
      const credentials = await options.auth.getOwnServiceCredentials();
      const system = await options.catalog.getEntityByRef(systemRef, {
        credentials,
      });
      if (!system || !isEntityOfKind(system, 'system')) {
        throw new InputError(`system: no System ${systemRef} in the catalog`);
      }
      const environmentRef = `resource:${
        system.metadata.namespace ?? 'default'
      }/${name}`;
      const existing = await options.catalog.getEntityByRef(environmentRef, {
        credentials,
      });
      if (existing) {
        throw new InputError(
          `name: ${environmentRef} already exists in the catalog (owned by ${
            (existing.spec as { owner?: string })?.owner ?? 'nobody'
          })`,
        );
      }
      if (tier === 'production') {
        if (!options.productionGate) {
          throw new InputError(
            'tier: production environments need a production gate; set readiness.scaffolder.productionGate (trackId, gateId) in app-config',
          );
        }
        // The same rule the template's Tier field applies in the browser (-common's productionEligibility).
        const readiness = await options.readiness.getSystemReadiness(systemRef);
        const { allowed, reason } = productionEligibility(
          readiness,
          options.productionGate,
        );
        if (!allowed) throw new InputError(`tier: ${reason}`);
      }
      ctx.output('environmentRef', environmentRef);
      ctx.output('systemRef', systemRef);
      ctx.logger.info(`${environmentRef} (${tier}) for ${systemRef} is valid`);
    },
  });
}
