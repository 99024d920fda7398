import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Short-lived memory of catalog lookups for the ingestion routes, where CI sends many events about the same few
 * entities and environments. Entries are per caller (the catalog answers according to their permissions) and last
 * `ttlMs`; an entity that does not exist is not remembered, so a new entity is seen as soon as the catalog has it.
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
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    const key = `${principal.type}:${
      principal.userEntityRef ?? principal.subject ?? ''
    }\u0000${entityRef}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.entity;
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (entity) {
      this.entries.delete(key);
      this.entries.set(key, { entity, expires: now + this.options.ttlMs });
      if (this.entries.size > this.options.maxEntries) {
        this.entries.delete(this.entries.keys().next().value!);
      }
    }
    return entity;
  }
}
