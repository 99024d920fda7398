import { Entity } from '@backstage/catalog-model';
import { entityRefKey, Fact } from '@readiness-io/plugin-readiness-common';
import {
  FactTypeDescriptor,
  ReadinessFactSource,
} from '@readiness-io/plugin-readiness-node';

/**
 * A fact source with a fixed list of fact types whose values are worked out per entity in one go: only the types
 * asked for are returned, and nothing is computed when none of them is.
 */
export function createFixedFactSource(options: {
  id: string;
  factTypes: FactTypeDescriptor[];
  valuesOf: (
    entity: Entity,
    wanted: string[],
  ) => Promise<Record<string, Fact['value']>>;
}): ReadinessFactSource {
  const all = options.factTypes.map(t => t.type);
  return {
    id: options.id,
    factTypes: options.factTypes,
    async getFacts({ entities, types }) {
      const wanted = all.filter(t => !types || types.includes(t));
      if (wanted.length === 0) return [];
      const observedAt = new Date().toISOString();
      const facts: Fact[] = [];
      for (const entity of entities) {
        const entityRef = entityRefKey(entity);
        const values = await options.valuesOf(entity, wanted);
        for (const type of wanted)
          facts.push({
            entityRef,
            type,
            value: values[type],
            source: options.id,
            observedAt,
          });
      }
      return facts;
    },
  };
}
