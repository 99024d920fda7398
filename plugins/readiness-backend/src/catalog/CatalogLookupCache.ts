import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Short-lived memory of catalog lookups: for the ingestion routes, where CI sends many events about the same few
 * entities and environments, and for the entities that checks name (`entity:`), which every evaluation of a System's
 * components reads. Entries are per caller (the catalog answers according to their permissions) and last `ttlMs`;
 * an entity that does not exist is not remembered, so a new entity is seen as soon as the catalog has it.
 */
export class CatalogLookupCache {
  private readonly entries = new Map<
    string,
    { entity: Entity; expires: number }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly options: { ttlMs: number; maxEntries: number } = {
      ttlMs: 10_000,
      maxEntries: 10_000,
    },
  ) {}

  async getEntityByRef(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const key = this.keyOf(entityRef, credentials);
    const hit = this.hit(key);
    if (hit) return hit;
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (entity) this.remember(key, entity);
    return entity;
  }

  /** The entities of these refs the caller can see (missing ones left out); one catalog call for those not held. */
  async getEntitiesByRefs(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const found: Entity[] = [];
    const missing: string[] = [];
    for (const ref of entityRefs) {
      const hit = this.hit(this.keyOf(ref, credentials));
      if (hit) found.push(hit);
      else missing.push(ref);
    }
    if (missing.length === 0) return found;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: missing },
      { credentials },
    );
    items.forEach((entity, i) => {
      if (!entity) return;
      this.remember(this.keyOf(missing[i], credentials), entity);
      found.push(entity);
    });
    return found;
  }

  private keyOf(entityRef: string, credentials: BackstageCredentials) {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return `${principal.type}:${
      principal.userEntityRef ?? principal.subject ?? ''
    }\u0000${entityRef}`;
  }

  private hit(key: string): Entity | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.entity : undefined;
  }

  private remember(key: string, entity: Entity) {
    this.entries.delete(key);
    this.entries.set(key, { entity, expires: Date.now() + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}
