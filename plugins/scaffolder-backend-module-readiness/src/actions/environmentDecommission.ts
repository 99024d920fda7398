import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ReadinessApi } from '@readiness-io/plugin-readiness-common';
import { environmentNameProblem } from '@readiness-io/plugin-readiness-common';
import {
  EnvironmentsDirectoryOptions,
  refreshEnvironments,
} from './environmentProvision';
import { examples } from './environmentDecommission.examples';

/**
 * `readiness:environment:decommission` — the compensating action of provision: refuses while a service is deployed
 * to the environment (unless `confirmDeployed`), archives its definition under `<directory>/.archive/` with a note
 * of who decommissioned it, when and why, and removes the environment from the catalog. Each side effect is a
 * checkpoint; the dry run says what would happen.
 *
 * @public
 */
export function createEnvironmentDecommissionAction(
  options: EnvironmentsDirectoryOptions & { readiness: ReadinessApi },
) {
  return createTemplateAction({
    id: 'readiness:environment:decommission',
    description:
      'Archives an environment provisioned by readiness:environment:provision and removes it from the catalog.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('The environment to decommission'),
        reason: z =>
          z.string().min(1).describe('Why; kept with the archived definition'),
        confirmDeployed: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Decommission although services are still deployed there',
            ),
      },
      output: {
        archivedTo: z =>
          z.string().describe('Where the definition was archived'),
        deployed: z =>
          z
            .array(z.string())
            .describe('What was still deployed there (entity@version)'),
      },
    },
    async handler(ctx) {
      const { name, reason } = ctx.input;
      const problem = environmentNameProblem(name);
      if (problem) throw new InputError(`name: ${problem}`);
      const credentials = await options.auth.getOwnServiceCredentials();
      const environmentRef = `resource:default/${name}`;
      const source = resolveSafeChildPath(options.directory, name);
      const published = await fs.stat(source).then(
        () => true,
        () => false,
      );
      const entity = await options.catalog.getEntityByRef(environmentRef, {
        credentials,
      });
      if (!published && !entity)
        throw new InputError(
          `name: there is no environment '${name}' to decommission`,
        );
      if (!published) {
        throw new InputError(
          `name: ${environmentRef} was not provisioned by this portal (no definition in ${options.directory}); decommission it where it was defined`,
        );
      }

      const system = (entity?.spec as { system?: string } | undefined)?.system;
      const deployed: string[] = [];
      if (system) {
        const { items } = await options.readiness.getSystemDeployments(
          stringifyEntityRef(
            parseEntityRef(system, {
              defaultKind: 'system',
              defaultNamespace: 'default',
            }),
          ),
        );
        for (const matrix of items) {
          const here = matrix.environments.find(
            e => e.environment === environmentRef,
          );
          // What runs there: a deployment under way, or else the last one that succeeded (a failed latest
          // deployment leaves the previous version running).
          const running =
            here?.latest?.status === 'in_progress'
              ? here.latest
              : here?.lastSuccessful;
          if (running) deployed.push(`${matrix.entityRef}@${running.version}`);
        }
      }
      ctx.output('deployed', deployed);
      if (deployed.length > 0 && !ctx.input.confirmDeployed) {
        throw new InputError(
          `${environmentRef} still runs ${deployed.join(
            ', ',
          )}; undeploy first, or confirm that they may go with it`,
        );
      }
      const archivedTo = resolveSafeChildPath(
        options.directory,
        path.join('.archive', `${name}-${ctx.task?.id ?? Date.now()}`),
      );
      ctx.output('archivedTo', archivedTo);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would archive ${source} to ${archivedTo} and remove ${environmentRef} from the catalog`,
        );
        return;
      }
      await ctx.checkpoint({
        key: `archive-${name}`,
        fn: async () => {
          await fs.mkdir(path.dirname(archivedTo), { recursive: true });
          await fs.rename(source, archivedTo);
          const by = ctx.user?.ref ?? 'unknown';
          await fs.writeFile(
            path.join(archivedTo, 'DECOMMISSIONED.md'),
            `# ${name} decommissioned\n\n- by: ${by}\n- at: ${new Date().toISOString()}\n- reason: ${reason}\n- still deployed then: ${
              deployed.join(', ') || 'nothing'
            }\n`,
          );
        },
      });
      await ctx.checkpoint({
        key: `unregister-${name}`,
        fn: async () => {
          await refreshEnvironments(options);
          const current = await options.catalog.getEntityByRef(environmentRef, {
            credentials,
          });
          if (current?.metadata.uid)
            await options.catalog.removeEntityByUid(current.metadata.uid, {
              credentials,
            });
          ctx.logger.info(`${environmentRef} removed from the catalog`);
        },
      });
      await ctx.checkpoint({
        key: `record-decommission-${name}`,
        fn: async () => {
          try {
            await options.readiness.decommissionEnvironment(environmentRef, {
              ...(ctx.task?.id ? { taskId: ctx.task.id } : {}),
              ...(ctx.user?.ref ? { requestedBy: ctx.user.ref } : {}),
            });
            ctx.logger.info(
              `Recorded the decommission with the readiness backend; gates scoped to its tier stop applying unless another such environment remains`,
            );
          } catch (error) {
            // Provisioned before environments were recorded: there is nothing to mark.
            if (!(ResponseError.is(error) && error.statusCode === 404))
              throw error;
            ctx.logger.info(
              `${environmentRef} was never recorded with the readiness backend; nothing to mark`,
            );
          }
        },
      });
    },
  });
}
