import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Any character beyond ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The one form in which Readiness stores and compares an entity ref: `kind:namespace/name` in lower case (the catalog
 * treats refs case-insensitively). Accepts an entity, a compound ref or a string ref; `defaults` fill in a string
 * ref's missing kind or namespace (`rag-api` with `{ defaultKind: 'component' }`). Throws for a string
 * that is not a ref.
 *
 * @public
 */
export function entityRefKey(
  entity: Entity | CompoundEntityRef | string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string {
  const ref =
    typeof entity === 'string'
      ? stringifyEntityRef(parseEntityRef(entity, defaults))
      : stringifyEntityRef(entity);
  // toLocaleLowerCase asks ICU (microseconds per call, and an evaluation pass makes tens of thousands); for plain
  // ASCII, as refs almost always are, toLowerCase gives the same string.
  return NON_ASCII.test(ref)
    ? ref.toLocaleLowerCase('en-US')
    : ref.toLowerCase();
}

/**
 * Whether an entity (or a ref) is of a kind, compared case-insensitively.
 *
 * @public
 */
export function isEntityOfKind(
  entity: Entity | CompoundEntityRef | string,
  kind: string,
): boolean {
  const actual =
    typeof entity === 'string' ? parseEntityRef(entity).kind : entity.kind;
  return actual.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US');
}

/**
 * The System an entity belongs to (`spec.system`, in the entity's namespace unless it names another), as an
 * {@link entityRefKey}; undefined when it has none or it is not a ref.
 *
 * @public
 */
export function systemRefOf(entity: Entity): string | undefined {
  return relatedRefOf(entity, entity.spec?.system, 'system');
}

/**
 * The owner of an entity (`spec.owner`, a Group unless it says otherwise), as an {@link entityRefKey}; undefined when
 * it has none or it is not a ref.
 *
 * @public
 */
export function ownerRefOf(entity: Entity): string | undefined {
  return relatedRefOf(entity, entity.spec?.owner, 'group');
}

function relatedRefOf(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return entityRefKey(value, {
      defaultKind,
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}
