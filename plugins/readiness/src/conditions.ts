import { Entity } from '@backstage/catalog-model';
import { isEntityOfKind } from '@readiness-io/plugin-readiness-common';

const kinds = new Set(['component', 'resource', 'api', 'system']);

/**
 * Whether readiness can apply to the entity (its kind is one tracks select: Component, Resource, API, System).
 * The backend decides which tracks apply; an entity no track selects shows an empty state.
 *
 * @public
 */
export function isReadinessAvailable(entity: Entity): boolean {
  return [...kinds].some(kind => isEntityOfKind(entity, kind));
}

/** Whether the entity is a System (for the system readiness tab). @public */
export function isSystemEntity(entity: Entity): boolean {
  return isEntityOfKind(entity, 'system');
}

/** Whether deployments make sense for the entity: a Component. @public */
export function isDeployable(entity: Entity): boolean {
  return isEntityOfKind(entity, 'component');
}

/** Whether the entity names runbooks (`readiness.io/runbooks`). @public */
export function hasRunbooks(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.['readiness.io/runbooks']);
}

/** Whether the entity has on-call (`readiness.io/oncall` or `pagerduty.com/service-id`). @public */
export function hasOnCall(entity: Entity): boolean {
  const a = entity.metadata.annotations ?? {};
  return Boolean(a['readiness.io/oncall'] || a['pagerduty.com/service-id']);
}
