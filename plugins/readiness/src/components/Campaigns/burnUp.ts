import { CampaignDetail } from '@readiness-io/plugin-readiness-common';

const DAY = 86_400_000;
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** One point of the burn-up: entities done (or exempt) and in scope on a day; the forecast's line where it runs. */
export interface BurnUpPoint {
  at: number;
  done?: number;
  total?: number;
  forecast?: number;
}

/**
 * The burn-up's series: the recorded days (done and exempt count as done), then the forecast's straight line from
 * today to the projected date, where every entity in scope is done. The x axis runs from the start date to the
 * target date (or the projected date, when later).
 */
export function burnUpSeries(detail: CampaignDetail): {
  points: BurnUpPoint[];
  from: number;
  to: number;
} {
  const points: BurnUpPoint[] = detail.history.map(d => ({
    at: at(d.day),
    done: d.done + d.exempt,
    total: d.total,
  }));
  const last = points[points.length - 1];
  const projected = detail.forecast.projectedDate;
  if (last && projected && at(projected) > last.at) {
    last.forecast = last.done;
    points.push({ at: at(projected), forecast: detail.progress.total });
  }
  const from = Math.min(
    at(detail.campaign.startDate),
    points[0]?.at ?? Infinity,
  );
  const to = Math.max(
    at(detail.campaign.targetDate),
    points[points.length - 1]?.at ?? 0,
  );
  return { points, from, to: to + DAY };
}

/** Ticks on the first of each month between two instants. */
export function monthTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  const d = new Date(from);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (t <= to) {
    ticks.push(t);
    const m = new Date(t);
    t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  return ticks;
}
