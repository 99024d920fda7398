import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  isEntityOfKind,
  systemRefOf,
} from '@readiness-io/plugin-readiness-common';
import { CatalogLookupCache } from './CatalogLookupCache';

/** A catalog filter, as the catalog's `getEntities` takes it. */
export type EntityFilter =
  | Record<string, string | symbol | (string | symbol)[]>
  | Record<string, string | symbol | (string | symbol)[]>[];

/**
 * The one way every capability looks entities up in the catalog: with the caller's credentials (so the catalog's
 * permissions apply), refs compared in {@link entityRefKey} form, 404s in words, and a short-lived per-caller cache
 * for the ingestion routes where CI sends many events about the same few entities.
 */
export class EntityCatalog {
  static create(deps: {
    catalog: CatalogService;
    auth: AuthService;
    /** To answer {@link EntityCatalog.mayRead} without asking the catalog for the entity. */
    permissions?: PermissionsService;
  }) {
    return new EntityCatalog(deps.catalog, deps.auth, deps.permissions);
  }

  private readonly lookups: CatalogLookupCache;

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly permissions?: PermissionsService,
  ) {
    this.lookups = new CatalogLookupCache(catalog);
  }

  /** The plugin's own credentials, for background work (evaluation runs, refreshes). */
  serviceCredentials(): Promise<BackstageCredentials> {
    return this.auth.getOwnServiceCredentials();
  }

  /**
   * An entity as the caller sees it; 404 when it does not exist (for them). `cached` reuses a lookup of the last
   * few seconds by the same caller (for ingestion).
   */
  async getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    options: { cached?: boolean } = {},
  ): Promise<Entity> {
    const entity = options.cached
      ? await this.lookups.getEntityByRef(entityRefKey(entityRef), credentials)
      : await this.findEntity(entityRef, credentials);
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }

  /**
   * Whether the caller may read an entity the plugin knows exists, decided by the permission framework
   * (`catalog.entity.read` for that entity, conditions resolved by the catalog) without fetching it; without the
   * permissions service, by fetching it.
   */
  async mayRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    if (!this.permissions) {
      return Boolean(await this.findEntity(entityRef, credentials));
    }
    const [decision] = await this.permissions.authorize(
      [{ permission: catalogEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** An entity as the caller sees it, or undefined. */
  async findEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }

  /** A System; 404 when there is none of that ref or the entity is of another kind. */
  async getSystem(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const system = await this.getEntity(systemRef, credentials);
    if (!isEntityOfKind(system, 'system')) {
      throw new NotFoundError(`${entityRefKey(system)} is not a System`);
    }
    return system;
  }

  /**
   * The entities with these refs that the caller may see (missing ones left out). `cached` reuses lookups of the last
   * few seconds by the same caller (for the entities checks name, read by every evaluation).
   */
  async getEntitiesByRefs(
    entityRefs: string[],
    credentials: BackstageCredentials,
    options: { fields?: string[]; cached?: boolean } = {},
  ): Promise<Entity[]> {
    if (entityRefs.length === 0) return [];
    const { fields, cached } = options;
    if (cached && !fields) {
      return this.lookups.getEntitiesByRefs(
        entityRefs.map(r => entityRefKey(r)),
        credentials,
      );
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs, ...(fields ? { fields } : {}) },
      { credentials },
    );
    return items.filter((e): e is Entity => Boolean(e));
  }

  /** The entities matching a catalog filter (every entity without one). */
  async queryEntities(
    filter: EntityFilter | undefined,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(filter ? { filter } : {}, {
      credentials,
    });
    return items;
  }

  /** Every entity matching a filter, a page at a time (for catalog-wide runs). */
  streamEntities(
    filter: EntityFilter | undefined,
    credentials: BackstageCredentials,
  ): AsyncIterable<Entity[]> {
    return this.catalog.streamEntities(filter ? { filter } : {}, {
      credentials,
    });
  }

  /**
   * The entities (of a kind, when given) that belong to a System (`spec.system` naming it by name or by ref),
   * sorted by name.
   */
  async entitiesOfSystem(
    system: Entity | string,
    credentials: BackstageCredentials,
    kind?: string,
  ): Promise<Entity[]> {
    const systemRef = entityRefKey(system);
    const { namespace, name } = parseEntityRef(systemRef);
    const items = await this.queryEntities(
      {
        ...(kind ? { kind } : {}),
        'spec.system': [name, `system:${namespace}/${name}`],
      },
      credentials,
    );
    return items
      .filter(e => systemRefOf(e) === systemRef)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }
}
