import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { JsonValue } from '@backstage/types';
import { Fact } from '@readiness-io/plugin-readiness-common';
import {
  factTypeMatches,
  ReadinessFactSource,
} from '@readiness-io/plugin-readiness-node';

const ANNOTATION_PREFIX = 'catalog.annotation.';

/** Facts read from the catalog entity itself. A missing value is a fact too (null), not an unknown. */
const readers: Record<
  string,
  { description: string; read: (entity: Entity) => JsonValue }
> = {
  'catalog.owner': {
    description:
      'spec.owner as a full entity ref (e.g. group:default/rag-team), or null',
    read: e =>
      typeof e.spec?.owner === 'string'
        ? stringifyEntityRef(
            parseEntityRef(e.spec.owner, {
              defaultKind: 'Group',
              defaultNamespace: e.metadata.namespace ?? 'default',
            }),
          )
        : null,
  },
  'catalog.ownerKind': {
    description: "The kind of the owner: 'group' or 'user', or null",
    read: e =>
      typeof e.spec?.owner === 'string'
        ? parseEntityRef(e.spec.owner, {
            defaultKind: 'Group',
          }).kind.toLocaleLowerCase('en-US')
        : null,
  },
  'catalog.lifecycle': {
    description: 'spec.lifecycle, or null',
    read: e => (e.spec?.lifecycle as string) ?? null,
  },
  'catalog.type': {
    description: 'spec.type, or null',
    read: e => (e.spec?.type as string) ?? null,
  },
  'catalog.system': {
    description: 'spec.system, or null',
    read: e => (e.spec?.system as string) ?? null,
  },
  'catalog.title': {
    description: 'metadata.title, or null',
    read: e => e.metadata.title ?? null,
  },
  'catalog.description': {
    description: 'metadata.description, or null',
    read: e => e.metadata.description ?? null,
  },
  'catalog.tags': {
    description: 'metadata.tags, or null when there are none',
    read: e => (e.metadata.tags?.length ? e.metadata.tags : null),
  },
  'catalog.links': {
    description:
      'metadata.links as [{ url, title }], or null when there are none',
    read: e =>
      e.metadata.links?.length
        ? e.metadata.links.map(l => ({ url: l.url, title: l.title ?? null }))
        : null,
  },
  'catalog.annotations': {
    description: 'metadata.annotations as an object',
    read: e => e.metadata.annotations ?? {},
  },
  'catalog.relations': {
    description:
      'Relations grouped by type: { dependsOn: [refs], ownedBy: [refs], … }',
    read: e => {
      const byType: Record<string, string[]> = {};
      for (const r of e.relations ?? [])
        (byType[r.type] ??= []).push(r.targetRef);
      return byType;
    },
  },
  'catalog.spec': {
    description: 'The whole spec object',
    read: e => (e.spec ?? {}) as JsonValue,
  },
};

/** The built-in `catalog.*` fact source: owner, lifecycle, annotations, links, relations and spec fields. */
export function createCatalogFactSource(
  options: { now?: () => Date } = {},
): ReadinessFactSource {
  const now = options.now ?? (() => new Date());
  return {
    id: 'catalog',
    factTypes: [
      ...Object.entries(readers).map(([type, r]) => ({
        type,
        description: r.description,
      })),
      {
        type: `${ANNOTATION_PREFIX}*`,
        description:
          'One annotation by key, e.g. catalog.annotation.readiness.io/runbooks; null when absent',
      },
    ],
    async getFacts({ entities, types }) {
      const wanted = types ?? Object.keys(readers);
      const observedAt = now().toISOString();
      const facts: Fact[] = [];
      for (const entity of entities) {
        const entityRef = stringifyEntityRef(entity);
        for (const type of wanted) {
          let value: JsonValue | undefined;
          if (readers[type]) {
            value = readers[type].read(entity);
          } else if (factTypeMatches(`${ANNOTATION_PREFIX}*`, type)) {
            value =
              entity.metadata.annotations?.[
                type.slice(ANNOTATION_PREFIX.length)
              ] ?? null;
          }
          if (value !== undefined) {
            facts.push({
              entityRef,
              type,
              value,
              source: 'catalog',
              observedAt,
            });
          }
        }
      }
      return facts;
    },
  };
}
