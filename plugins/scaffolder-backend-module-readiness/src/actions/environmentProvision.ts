import fs from 'node:fs/promises';
import path from 'node:path';
import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import {
  ReadinessApi,
  ReadinessEnvironment,
} from '@readiness-io/plugin-readiness-common';
import { environmentNameProblem } from '@readiness-io/plugin-readiness-common';
import { examples } from './environmentProvision.examples';

const MARKER = '.provisioned-by';

/** Where environments are published locally, and how long to wait for the catalog to show a new one. @public */
export type EnvironmentsDirectoryOptions = {
  catalog: CatalogService;
  auth: AuthService;
  /** Absolute; the catalog reads `<directory>/*\/catalog-info.yaml` (a `file` location in catalog.locations). */
  directory: string;
  waitForEntityMs?: number;
};

/** The annotation that gives an environment Resource its tier (dev, staging, production, …). */
export const TIER_ANNOTATION = 'readiness.io/environment-tier';

/** Files under a directory, relative, sorted. */
export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory()
        ? listFiles(path.join(dir, e.name), base)
        : [path.relative(base, path.join(dir, e.name))],
    ),
  );
  return nested.flat().sort();
}

/** The catalog's Location entities that read the environments directory. */
export async function environmentLocations(
  options: EnvironmentsDirectoryOptions,
) {
  const credentials = await options.auth.getOwnServiceCredentials();
  const { items } = await options.catalog.getEntities(
    { filter: { kind: 'Location' } },
    { credentials },
  );
  const dir = path.resolve(options.directory);
  return items.filter(l => {
    const spec = l.spec as { target?: string; targets?: string[] };
    return [spec.target, ...(spec.targets ?? [])].some(
      t => t && path.resolve(t.replace(/^file:/, '')).startsWith(dir),
    );
  });
}

/**
 * Asks the catalog to read the environments directory again now. Until the first environment exists the catalog
 * has no Location entity for it (a glob that matches nothing fails processing and is retried on the catalog's
 * processing interval), so there may be nothing to refresh: the new file is then picked up on that retry.
 */
export async function refreshEnvironments(
  options: EnvironmentsDirectoryOptions,
): Promise<boolean> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const locations = await environmentLocations(options);
  for (const location of locations)
    await options.catalog.refreshEntity(stringifyEntityRef(location), {
      credentials,
    });
  return locations.length > 0;
}

/**
 * Whether `catalog.locations` has a file location reading `<directory>/*\/catalog-info.yaml`; the module checks it at
 * start-up so a misconfiguration is an error naming the setting, not a template that never shows its environment.
 */
export function catalogReadsDirectory(
  locations: Array<{ type: string; target: string }>,
  directory: string,
  baseDir: string,
) {
  return locations.some(
    l =>
      l.type === 'file' &&
      path.resolve(baseDir, l.target) ===
        path.join(path.resolve(directory), '*', 'catalog-info.yaml'),
  );
}

/**
 * `readiness:environment:provision` — publishes an environment's rendered definition (the files a `fetch:template`
 * step wrote into the workspace, with its `catalog-info.yaml`) to the local environments directory the catalog
 * reads, and waits until the catalog shows the new environment Resource. Each side effect is a checkpoint, so a
 * retried task does not publish twice; a directory published by another task is a conflict. The dry run checks the
 * definition and lists what would be published.
 *
 * @public
 */
export function createEnvironmentProvisionAction(
  options: EnvironmentsDirectoryOptions & { readiness: ReadinessApi },
) {
  return createTemplateAction({
    id: 'readiness:environment:provision',
    description:
      "Publishes an environment's rendered definition to the environments directory the catalog reads, and registers it.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'The environment name; the definition must be a Resource of that name with spec.type environment',
            ),
        sourcePath: z =>
          z
            .string()
            .default('.')
            .describe(
              'Workspace directory holding the rendered definition and its catalog-info.yaml',
            ),
      },
      output: {
        entityRef: z => z.string().describe('The environment Resource'),
        directory: z =>
          z.string().describe('Where the definition was published'),
        files: z => z.array(z.string()).describe('The files published'),
        systemRef: z =>
          z.string().describe('The System the environment serves'),
        tier: z =>
          z
            .string()
            .describe('Its tier, as recorded with the readiness backend'),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      const problem = environmentNameProblem(name);
      if (problem) throw new InputError(`name: ${problem}`);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const catalogInfo = path.join(source, 'catalog-info.yaml');
      let entity: Entity;
      try {
        entity = parse(await fs.readFile(catalogInfo, 'utf8'));
      } catch (error) {
        throw new InputError(
          `sourcePath: no readable catalog-info.yaml in ${
            ctx.input.sourcePath
          }: ${(error as Error).message}`,
        );
      }
      if (
        entity?.kind !== 'Resource' ||
        entity.metadata?.name !== name ||
        (entity.spec as { type?: string })?.type !== 'environment'
      ) {
        throw new InputError(
          `sourcePath: catalog-info.yaml must describe Resource '${name}' with spec.type environment`,
        );
      }
      const namespace = entity.metadata.namespace ?? 'default';
      const entityRef = `resource:${namespace}/${name}`;
      const system = (entity.spec as { system?: unknown }).system;
      const tier = entity.metadata.annotations?.[TIER_ANNOTATION];
      if (
        typeof system !== 'string' ||
        !system ||
        typeof tier !== 'string' ||
        !tier
      ) {
        throw new InputError(
          `sourcePath: catalog-info.yaml must name spec.system and the annotation ${TIER_ANNOTATION}, so that the environment can be recorded with the readiness backend`,
        );
      }
      const systemRef = stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: namespace,
        }),
      );
      const target = resolveSafeChildPath(options.directory, name);
      const files = await listFiles(source);
      ctx.output('entityRef', entityRef);
      ctx.output('directory', target);
      ctx.output('files', files);
      ctx.output('systemRef', systemRef);
      ctx.output('tier', tier);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target}, register ${entityRef} and record it with the readiness backend as a ${tier} environment of ${systemRef}`,
        );
        return;
      }
      const owner = ctx.task?.id ?? 'unknown-task';
      await ctx.checkpoint({
        key: `publish-${name}`,
        fn: async () => {
          const existing = await fs
            .readFile(path.join(target, MARKER), 'utf8')
            .catch(() => undefined);
          const exists = await fs.stat(target).then(
            () => true,
            () => false,
          );
          if (exists && existing !== owner) {
            throw new ConflictError(
              `${target} already exists: environment '${name}' was provisioned before; decommission it first`,
            );
          }
          await fs.mkdir(path.dirname(target), { recursive: true });
          await fs.cp(source, target, { recursive: true });
          await fs.writeFile(path.join(target, MARKER), owner);
          ctx.logger.info(`Published ${files.length} files to ${target}`);
        },
      });
      await ctx.checkpoint({
        key: `register-${name}`,
        fn: async () => {
          const refreshed = await refreshEnvironments(options);
          if (!refreshed)
            ctx.logger.info(
              'The catalog reads the environments directory on its next processing run',
            );
          const credentials = await options.auth.getOwnServiceCredentials();
          const deadline = Date.now() + (options.waitForEntityMs ?? 60_000);
          while (
            !(await options.catalog.getEntityByRef(entityRef, { credentials }))
          ) {
            if (Date.now() > deadline) {
              ctx.logger.warn(
                `${entityRef} is not in the catalog yet; it appears after the catalog's next processing run`,
              );
              return;
            }
            await new Promise(r => setTimeout(r, 1000));
          }
          ctx.logger.info(`${entityRef} is in the catalog`);
        },
      });
      // Gates scoped to this tier (e.g. `environment: production`) apply to the system's components from now on.
      await ctx.checkpoint({
        key: `record-${name}`,
        fn: async () => {
          const recorded: ReadinessEnvironment =
            await options.readiness.recordEnvironment(entityRef, {
              system: systemRef,
              tier,
              ...(ctx.task?.id ? { taskId: ctx.task.id } : {}),
              ...(ctx.user?.ref ? { requestedBy: ctx.user.ref } : {}),
            });
          ctx.logger.info(
            `Recorded with the readiness backend: ${recorded.entityRef}, a ${recorded.tier} environment of ${recorded.systemRef}`,
          );
        },
      });
    },
  });
}
