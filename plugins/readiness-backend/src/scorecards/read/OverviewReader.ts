import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  entityReadiness,
  entityRefKey,
  OverviewRow,
  ReadinessOverview,
} from '@readiness-io/plugin-readiness-common';
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
    const counted = countEntities(rows);
    return {
      items: rows,
      total: rows.length,
      blocked: rows.filter(r => r.status !== 'passed').length,
      entities: counted.entities,
      teams: counted.teams,
      options: {
        trackIds: distinct(all.map(r => r.trackId)),
        owners: distinct(all.map(r => r.owner)),
        systems: distinct(all.map(r => r.system)),
      },
      topRootCauses: topRootCauses(rows, id => this.deps.tracks.get(id)),
    };
  }
}

type Counts = ReadinessOverview['entities'];
const noCounts = (): Counts => ({
  total: 0,
  ready: 0,
  notReady: 0,
  notMeasured: 0,
});
const KEY = {
  ready: 'ready',
  'not-ready': 'notReady',
  'not-measured': 'notMeasured',
} as const;

/** Each entity of the rows once (by {@link entityReadiness}), overall and per owner, most not ready first. */
function countEntities(rows: OverviewRow[]): {
  entities: Counts;
  teams: ReadinessOverview['teams'];
} {
  const byEntity = new Map<string, OverviewRow[]>();
  for (const row of rows)
    byEntity.set(row.entityRef, [...(byEntity.get(row.entityRef) ?? []), row]);
  const entities = noCounts();
  const byOwner = new Map<string, Counts>();
  for (const entityRows of byEntity.values()) {
    const key = KEY[entityReadiness(entityRows).status];
    const owner = entityRows[0].owner ?? '';
    const team = byOwner.get(owner) ?? noCounts();
    for (const counts of [entities, team]) {
      counts.total++;
      counts[key]++;
    }
    byOwner.set(owner, team);
  }
  const teams = [...byOwner.entries()]
    .filter(([owner]) => owner)
    .map(([owner, counts]) => ({ owner, ...counts }))
    .sort((a, b) => b.notReady - a.notReady || a.owner.localeCompare(b.owner));
  return { entities, teams };
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
