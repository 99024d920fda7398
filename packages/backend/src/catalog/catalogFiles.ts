import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';

/** An entity read from a file, with the file it came from. */
export type CatalogFileEntity = { file: string; entity: Entity };

/** The result of reading a tree of catalog files: every entity, and every problem, each naming its file. */
export type CatalogFilesResult = {
  entities: CatalogFileEntity[];
  files: string[];
  problems: string[];
};

// The same policies the catalog backend applies to every entity it ingests.
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const kindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/** Validates one entity as the catalog would: envelope and field policies, then its kind's schema. */
export async function validateEntity(entity: unknown): Promise<void> {
  const enforced = await policy.enforce(entity as Entity);
  if (!enforced) {
    throw new Error('the entity was rejected by the catalog policies');
  }
  for (const validator of kindValidators) {
    if (await validator.check(enforced)) {
      return;
    }
  }
  throw new Error(
    `unknown kind ${enforced.apiVersion}/${enforced.kind}: no validator accepts it`,
  );
}

function locationTargets(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as {
    type?: string;
    target?: string;
    targets?: string[];
  };
  if (spec.type && spec.type !== 'file') {
    return [];
  }
  return [...(spec.target ? [spec.target] : []), ...(spec.targets ?? [])];
}

/**
 * Reads catalog YAML files the way the catalog's file locations do: every document of every file,
 * following `Location` entities to the files they target (relative to the Location's own file).
 * Nothing is thrown; every problem is returned, each naming its file (and line or entity).
 */
export async function readCatalogFiles(
  rootFiles: string[],
): Promise<CatalogFilesResult> {
  const result: CatalogFilesResult = { entities: [], files: [], problems: [] };
  const queue = rootFiles.map(f => path.resolve(f));
  const seen = new Set<string>();

  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);

    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      result.problems.push(
        `${file}: cannot be read (${(error as Error).message})`,
      );
      continue;
    }
    result.files.push(file);

    const documents = parseAllDocuments(text, { prettyErrors: true });
    for (const [index, doc] of documents.entries()) {
      if (doc.errors.length > 0) {
        for (const error of doc.errors) {
          result.problems.push(`${file}: YAML error: ${error.message}`);
        }
        continue;
      }
      const value = doc.toJSON();
      if (value === null || value === undefined) continue;
      const where = `${file} (document ${index + 1}${
        value?.metadata?.name ? `, ${value.kind}:${value.metadata.name}` : ''
      })`;
      try {
        await validateEntity(value);
      } catch (error) {
        result.problems.push(`${where}: ${(error as Error).message}`);
        continue;
      }
      const entity = value as Entity;
      result.entities.push({ file, entity });
      if (entity.kind === 'Location') {
        for (const target of locationTargets(entity)) {
          queue.push(path.resolve(path.dirname(file), target));
        }
      }
    }
  }
  return result;
}

// Fields of the built-in kinds that refer to other entities, with the kind assumed when a ref omits it.
const referenceFields: Array<{ field: string; defaultKind?: string }> = [
  { field: 'owner', defaultKind: 'Group' },
  { field: 'system', defaultKind: 'System' },
  { field: 'domain', defaultKind: 'Domain' },
  { field: 'subcomponentOf', defaultKind: 'Component' },
  { field: 'dependsOn' },
  { field: 'dependencyOf' },
  { field: 'providesApis', defaultKind: 'API' },
  { field: 'consumesApis', defaultKind: 'API' },
  { field: 'memberOf', defaultKind: 'Group' },
  { field: 'members', defaultKind: 'User' },
  { field: 'parent', defaultKind: 'Group' },
  { field: 'children', defaultKind: 'Group' },
];

/** Every reference in `spec` that does not point at one of the given entities, naming the file. */
export function findDanglingReferences(
  entities: CatalogFileEntity[],
): string[] {
  const known = new Set(
    entities.map(({ entity }) => stringifyEntityRef(entity).toLowerCase()),
  );
  const problems: string[] = [];
  for (const { file, entity } of entities) {
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    for (const { field, defaultKind } of referenceFields) {
      const raw = spec[field];
      const refs = ([] as unknown[]).concat(raw ?? []) as string[];
      for (const ref of refs) {
        const name = `${entity.kind}:${entity.metadata.name}`;
        let target: string;
        try {
          target = stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind,
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ).toLowerCase();
        } catch (error) {
          problems.push(
            `${file} (${name}): spec.${field} "${ref}": ${
              (error as Error).message
            }`,
          );
          continue;
        }
        if (!known.has(target)) {
          problems.push(
            `${file} (${name}): spec.${field} refers to ${target}, which no file defines`,
          );
        }
      }
    }
  }
  return problems;
}
