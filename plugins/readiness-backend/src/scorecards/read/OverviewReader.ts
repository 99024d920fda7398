import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  entityRefKey,
  OverviewRow,
  ReadinessOverview,
} from '@internal/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { ResultStore } from '../results/ResultStore';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { overviewRow, topRootCauses } from './overviewRows';

/** The filters of the overview; each narrows the rows, none changes how a row is computed. */
export interface OverviewFilters {
  trackId?: string;
  owner?: string;
  system?: string;
  status?: string;
}

const distinct = (values: Array<string | undefined>) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort();

/**
 * Readiness across the catalog, from the stored results of the last evaluation: every entity the caller may see
 * that a track applies to, filtered, with the values each filter can take and the most frequent root causes. The
 * one place these are computed: the Readiness page shows what it gets.
 */
export class OverviewReader {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    results: ResultStore;
  }) {
    return new OverviewReader(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof OverviewReader.create>[0],
  ) {}

  async getOverview(
    credentials: BackstageCredentials,
    filters: OverviewFilters = {},
  ): Promise<ReadinessOverview> {
    // Whole entities: a track's appliesTo may select on any field.
    const entities = await this.deps.catalog.queryEntities(
      undefined,
      credentials,
    );
    const applicable = entities
      .map(entity => ({
        entity,
        entityRef: entityRefKey(entity),
        tracks: this.deps.tracks.forEntity(entity),
      }))
      .filter(e => e.tracks.length > 0);
    const vectors = await this.deps.results.currentMany(
      applicable.map(e => e.entityRef),
    );
    const all = applicable.flatMap(({ entity, entityRef, tracks }) =>
      tracks.map(track =>
        overviewRow(
          entity,
          entityRef,
          track,
          vectors
            .get(entityRef)
            ?.find(v => v.trackId === track.track.metadata.name),
        ),
      ),
    );
    const rows = all.filter(matches(filters));
    return {
      items: rows,
      total: rows.length,
      blocked: rows.filter(r => r.status !== 'passed').length,
      options: {
        trackIds: distinct(all.map(r => r.trackId)),
        owners: distinct(all.map(r => r.owner)),
        systems: distinct(all.map(r => r.system)),
      },
      topRootCauses: topRootCauses(rows, id => this.deps.tracks.get(id)),
    };
  }
}

/** Whether a row passes the filters (owner and system by ref or by name, case-insensitive). */
function matches(filters: OverviewFilters) {
  const owner = filters.owner?.toLocaleLowerCase('en-US');
  const system = filters.system?.toLocaleLowerCase('en-US');
  const sameRef = (value: string | undefined, wanted: string) => {
    const v = value?.toLocaleLowerCase('en-US');
    return v === wanted || Boolean(v?.endsWith(`/${wanted}`));
  };
  return (r: OverviewRow) =>
    (!filters.trackId || r.trackId === filters.trackId) &&
    (!owner || sameRef(r.owner, owner)) &&
    (!system || sameRef(r.system, system)) &&
    (!filters.status || r.status === filters.status);
}
