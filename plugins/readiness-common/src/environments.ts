import type { RequestOf, Schemas } from './schema/wire';

/**
 * The rule for an environment's name (the name of its catalog Resource): 3 to 40 lower-case letters, digits and
 * dashes, starting with a letter and not ending with a dash. The scaffolder field, the validate action and the
 * environments registry all apply this one rule.
 *
 * @public
 */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

/** The naming rule in words, for error messages and help texts. @public */
export const ENVIRONMENT_NAME_RULE =
  '3 to 40 lower-case letters, digits and dashes, starting with a letter and not ending with a dash';

/**
 * Why a name is not a valid environment name, in words (`'Rag_Dev' must be 3 to 40 …`); undefined when it is one.
 *
 * @public
 */
export function environmentNameProblem(name: string): string | undefined {
  return ENVIRONMENT_NAME_PATTERN.test(name)
    ? undefined
    : `'${name}' must be ${ENVIRONMENT_NAME_RULE}`;
}

/**
 * Whether a catalog entity is an environment as Readiness understands it: a Resource with `spec.type: environment`
 * (what the provisioning template creates; the registry records it with its tier).
 *
 * @public
 */
export function isEnvironmentResource(entity: {
  kind: string;
  spec?: { type?: unknown } | { [key: string]: unknown };
}): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type === 'environment'
  );
}

/**
 * An environment recorded with the readiness backend: the environment Resource, the System it serves and its tier.
 * Gates scoped to an environment apply to the System's components while an active one of that tier (or name) is
 * recorded.
 *
 * @public
 */
export type ReadinessEnvironment = Schemas['ReadinessEnvironment'];

/** What recording an environment takes (PUT /environments/:namespace/:name). @public */
export type EnvironmentRecordRequest = RequestOf<'RecordEnvironment'>;
