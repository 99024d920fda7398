import {
  describeEntityReadiness,
  EntityReadinessWords,
  OverviewRow,
  ReadinessApi,
  Track,
} from '@readiness-io/plugin-readiness-common';

/** One entity's readiness in a word and a sentence (see describeEntityReadiness). @public */
export type EntityReadinessSummary = EntityReadinessWords;

/** The summaries of every entity a track applies to, by {@link entityRefKey}. */
export function summarize(
  rows: OverviewRow[],
  tracks: Track[],
): Map<string, EntityReadinessSummary> {
  const byEntity = new Map<string, OverviewRow[]>();
  for (const row of rows)
    byEntity.set(row.entityRef, [...(byEntity.get(row.entityRef) ?? []), row]);
  const summaries = new Map<string, EntityReadinessSummary>();
  for (const [ref, entityRows] of byEntity)
    summaries.set(ref, describeEntityReadiness(entityRows, tracks));
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
