import { Entity } from '@backstage/catalog-model';
import {
  GateStatus,
  OverviewRow,
  ReadinessOverview,
  ownerRefOf,
  systemRefOf,
} from '@readiness-io/plugin-readiness-common';
import { LoadedTrack } from '../tracks/TrackRegistry';
import { rootCausesByGate } from '../evaluation/rootCauses';

type Vector = {
  trackId: string;
  statuses: Record<string, string>;
  evaluatedAt: string;
};

/**
 * One overview row from a stored status vector: gates passed, the next gate (the first in dependency order that has
 * not passed) and its root causes, by the same definition as the live scorecard's ({@link rootCausesByGate}).
 */
export function overviewRow(
  entity: Entity,
  entityRef: string,
  track: LoadedTrack,
  vector: Vector | undefined,
): OverviewRow {
  const gates = track.track.spec.gates;
  const base = {
    entityRef,
    kind: entity.kind,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(ownerRefOf(entity) ? { owner: ownerRefOf(entity) } : {}),
    ...(systemRefOf(entity) ? { system: systemRefOf(entity) } : {}),
    trackId: track.track.metadata.name,
    gatesTotal: gates.length,
  };
  if (!vector)
    return {
      ...base,
      status: 'not-evaluated',
      gatesPassed: 0,
      gates: {},
      rootCauses: [],
    };
  const gateStatus = (id: string) => vector.statuses[`${id}/`];
  const statuses = gates.map(g => gateStatus(g.id));
  const nextGate = track.order.find(
    id => gateStatus(id) !== 'passed' && gateStatus(id) !== 'not-applicable',
  );
  // The same definition as the live scorecard's, over the stored statuses.
  const rootCauses = nextGate
    ? rootCausesByGate(
        gates,
        track.order,
        id => gateStatus(id) as GateStatus | undefined,
        (gateId, checkId) => vector.statuses[`${gateId}/${checkId}`],
      ).get(nextGate)!.rootCauses
    : [];
  let status: OverviewRow['status'] = 'passed';
  if (statuses.includes('failed')) status = 'failed';
  else if (statuses.includes('unknown')) status = 'unknown';
  else if (nextGate) status = 'blocked';
  return {
    ...base,
    status,
    gatesPassed: statuses.filter(s => s === 'passed').length,
    // Gates scoped to an environment the system does not have do not count.
    gatesTotal: statuses.filter(s => s !== 'not-applicable').length,
    gates: Object.fromEntries(
      gates.map(g => [g.id, gateStatus(g.id) ?? 'unknown']),
    ),
    ...(nextGate ? { nextGate } : {}),
    rootCauses,
    evaluatedAt: vector.evaluatedAt,
  };
}

/** The root causes behind the most rows, most frequent first (top 10). */
export function topRootCauses(
  rows: OverviewRow[],
  tracks: (id: string) => LoadedTrack | undefined,
): ReadinessOverview['topRootCauses'] {
  const counts = new Map<
    string,
    {
      trackId: string;
      gateId: string;
      checkId: string;
      title: string;
      gateTitle: string;
      entityRefs: string[];
    }
  >();
  for (const row of rows) {
    for (const cause of row.rootCauses) {
      const key = `${row.trackId}/${cause.gateId}/${cause.checkId}`;
      let entry = counts.get(key);
      if (!entry) {
        const gate = tracks(row.trackId)?.track.spec.gates.find(
          g => g.id === cause.gateId,
        );
        const check = gate?.checks.find(c => c.id === cause.checkId);
        entry = {
          gateTitle: gate?.title ?? cause.gateId,
          trackId: row.trackId,
          gateId: cause.gateId,
          checkId: cause.checkId,
          title: check?.title ?? cause.checkId,
          entityRefs: [],
        };
        counts.set(key, entry);
      }
      entry.entityRefs.push(row.entityRef);
    }
  }
  return [...counts.values()]
    .map(e => ({ ...e, count: e.entityRefs.length }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
    .slice(0, 10);
}
