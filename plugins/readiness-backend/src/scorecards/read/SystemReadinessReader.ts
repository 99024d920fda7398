import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  entityRefKey,
  isEntityOfKind,
  SystemReadiness,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { ScorecardEvaluator } from '../ScorecardEvaluator';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { rollUpSystem } from './systemRollup';

/** A System's readiness: its components and the resources they depend on, weakest link first. */
export class SystemReadinessReader {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    evaluator: ScorecardEvaluator;
    now?: () => Date;
  }) {
    return new SystemReadinessReader(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof SystemReadinessReader.create>[0],
  ) {}

  async getSystemReadiness(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<SystemReadiness> {
    const system = await this.deps.catalog.getSystem(systemRef, credentials);
    const components = await this.deps.catalog.entitiesOfSystem(
      system,
      credentials,
      'Component',
    );
    const resourceRefs = new Set<string>();
    for (const c of components) {
      for (const r of c.relations ?? []) {
        if (
          r.type === RELATION_DEPENDS_ON &&
          isEntityOfKind(r.targetRef, 'resource')
        ) {
          resourceRefs.add(r.targetRef);
        }
      }
    }
    const resources = await this.deps.catalog.getEntitiesByRefs(
      [...resourceRefs],
      credentials,
    );
    const entities: Entity[] = [...components, ...resources];
    const evaluations = await this.deps.evaluator.evaluate(
      entities,
      credentials,
    );
    return rollUpSystem({
      systemRef: entityRefKey(system),
      evaluatedAt: (this.deps.now ? this.deps.now() : new Date()).toISOString(),
      tracks: this.deps.tracks.definitions(),
      entities: entities.map(e => {
        const ref = entityRefKey(e);
        return {
          entityRef: ref,
          kind: e.kind,
          ...(e.metadata.title ? { title: e.metadata.title } : {}),
          evaluations: evaluations.filter(ev => ev.entityRef === ref),
        };
      }),
    });
  }
}
