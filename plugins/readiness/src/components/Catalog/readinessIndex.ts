import {
  entityReadiness,
  EntityReadinessStatus,
  OverviewRow,
  ReadinessApi,
  Track,
} from '@internal/plugin-readiness-common';

/** One entity's readiness in a word and a label: "Ready", or the next gate of its furthest-behind track. @public */
export interface EntityReadinessSummary {
  status: EntityReadinessStatus;
  /** `Ready`, the next gate (`Backend verified (sprint 2)`), or `Not evaluated yet`. */
  label: string;
  /** In a sentence, for a tooltip: `Next gate: Backend verified (sprint 2), failed`. */
  description: string;
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
    const { status, behind } = entityReadiness(entityRows);
    if (!behind) {
      const label = status === 'ready' ? 'Ready' : 'Not evaluated yet';
      summaries.set(ref, {
        status,
        label,
        description:
          status === 'ready'
            ? 'Every gate of every track that applies has passed'
            : 'No track has been evaluated for it yet',
      });
      continue;
    }
    const gateStatus = behind.gates[behind.nextGate!] ?? behind.status;
    const gate = gateTitle(behind.trackId, behind.nextGate!);
    summaries.set(ref, {
      status,
      label: gate,
      description: `Next gate: ${gate} (${
        gateStatus === 'unknown' ? 'not measured' : gateStatus
      })`,
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
