import type {
  OverviewRow,
  ReadinessApi,
  Track,
} from '@internal/plugin-readiness-common';

/** Where an entity stands across the tracks that apply to it, for a list of entities. @public */
export type EntityReadinessStatus = 'ready' | 'not-ready' | 'not-measured';

/** One entity's readiness in a word and a label: "Ready", or the next gate of its furthest-behind track. @public */
export interface EntityReadinessSummary {
  status: EntityReadinessStatus;
  /** `Ready`, `Next: Backend verified (sprint 2)`, `Not evaluated yet`. */
  label: string;
  /** The next gate's status when not ready (failed, blocked, unknown), for its colour. */
  gateStatus?: string;
}

/** The summaries of every entity a track applies to, by {@link entityRefKey}. */
export function summarize(
  rows: OverviewRow[],
  tracks: Track[],
): Map<string, EntityReadinessSummary> {
  const gateTitle = (trackId: string, gateId: string) =>
    tracks
      .find(t => t.metadata.name === trackId)
      ?.spec.gates.find(g => g.id === gateId)?.title ?? gateId;
  const byEntity = new Map<string, OverviewRow[]>();
  for (const row of rows)
    byEntity.set(row.entityRef, [...(byEntity.get(row.entityRef) ?? []), row]);
  const summaries = new Map<string, EntityReadinessSummary>();
  for (const [ref, entityRows] of byEntity) {
    const evaluated = entityRows.filter(r => r.status !== 'not-evaluated');
    if (evaluated.length === 0) {
      summaries.set(ref, {
        status: 'not-measured',
        label: 'Not evaluated yet',
      });
      continue;
    }
    const behind = evaluated
      .filter(r => r.status !== 'passed' && r.nextGate)
      .sort(
        (a, b) =>
          a.gatesPassed / Math.max(1, a.gatesTotal) -
          b.gatesPassed / Math.max(1, b.gatesTotal),
      )[0];
    if (!behind) {
      summaries.set(ref, { status: 'ready', label: 'Ready' });
      continue;
    }
    const gateStatus = behind.gates[behind.nextGate!] ?? behind.status;
    summaries.set(ref, {
      status: gateStatus === 'unknown' ? 'not-measured' : 'not-ready',
      label: `Next: ${gateTitle(behind.trackId, behind.nextGate!)}`,
      gateStatus,
    });
  }
  return summaries;
}

const TTL_MS = 30_000;
const cache = new WeakMap<
  ReadinessApi,
  { at: number; index: Promise<Map<string, EntityReadinessSummary>> }
>();

/**
 * The readiness of every entity, from one `GET /overview` and one `GET /tracks` shared by every cell and filter of a
 * catalog page (kept for 30 s).
 */
export function loadReadinessIndex(
  api: ReadinessApi,
): Promise<Map<string, EntityReadinessSummary>> {
  const hit = cache.get(api);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.index;
  const index = Promise.all([api.getOverview(), api.getTracks()]).then(
    ([overview, tracks]) => summarize(overview.items, tracks),
  );
  index.catch(() => cache.delete(api));
  cache.set(api, { at: Date.now(), index });
  return index;
}
