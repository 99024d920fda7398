import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Fact } from '@readiness-io/plugin-readiness-common';

/**
 * A fact type (or family of types) a source provides.
 *
 * @public
 */
export interface FactTypeDescriptor {
  /**
   * The type, e.g. `catalog.owner`; a trailing `*` makes it a family, e.g. `evidence.*` provides
   * every type that starts with `evidence.`.
   */
  type: string;
  description: string;
}

/**
 * Produces facts about entities for the readiness evaluator.
 *
 * @public
 */
export interface ReadinessFactSource {
  /** Unique id, also the `source` of the facts it returns, e.g. `catalog`. */
  id: string;
  /** The fact types it can provide; tracks that name any other type fail to load. */
  factTypes: FactTypeDescriptor[];
  /** The facts it has about these entities (only the types asked for, when `types` is given). */
  getFacts(request: { entities: Entity[]; types?: string[] }): Promise<Fact[]>;
}

/**
 * Lets modules add fact sources to the readiness backend.
 *
 * @public
 */
export interface ReadinessFactSourcesExtensionPoint {
  addFactSource(...sources: ReadinessFactSource[]): void;
}

/**
 * The extension point through which modules add {@link ReadinessFactSource}s.
 *
 * @public
 */
export const readinessFactSourcesExtensionPoint =
  createExtensionPoint<ReadinessFactSourcesExtensionPoint>({
    id: 'readiness.factSources',
  });

/**
 * Whether a fact type is covered by a descriptor (`evidence.*` covers `evidence.tests.x`).
 *
 * @public
 */
export function factTypeMatches(descriptor: string, type: string): boolean {
  if (descriptor.endsWith('*')) {
    const prefix = descriptor.slice(0, -1);
    return type.startsWith(prefix) && type.length > prefix.length;
  }
  return descriptor === type;
}
