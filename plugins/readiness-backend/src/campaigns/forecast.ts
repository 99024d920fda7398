import {
  CampaignForecast,
  formatDate,
} from '@readiness-io/plugin-readiness-common';

/** One day of progress: how many entities were in scope, done and exempt. */
export interface ProgressPoint {
  day: string;
  total: number;
  done: number;
  exempt: number;
}

const DAY_MS = 86_400_000;
/** Days from the epoch of a `YYYY-MM-DD` day. */
export const dayNumber = (day: string) =>
  Math.round(new Date(`${day}T00:00:00Z`).getTime() / DAY_MS);
/** The `YYYY-MM-DD` day a number of days after another. */
export const addDays = (day: string, days: number) =>
  new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
/** The UTC day of a time. */
export const dayOf = (time: Date) => time.toISOString().slice(0, 10);

/** How much of the trend the forecast follows: the last four weeks, so an old burst does not hide a stall. */
export const TREND_DAYS = 28;

const fraction = (p: ProgressPoint) =>
  p.total === 0 ? 0 : (p.done + p.exempt) / p.total;
const long = (day: string) => formatDate(`${day}T12:00:00Z`);
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * When the burn-up reaches every entity, at the rate of the last {@link TREND_DAYS} days (a least-squares line
 * through the share done each day, projected from today's share), and whether that is by the target date. Done when
 * every entity is done or exempt; no data with nothing in scope or fewer than two days recorded; at risk when the
 * trend is flat or falling, or reaches every entity after the target date, or the target date has passed.
 */
export function forecast(
  history: ProgressPoint[],
  targetDate: string,
  today: string,
): CampaignForecast {
  const byDay = new Map<string, ProgressPoint>();
  for (const p of history) if (p.day <= today) byDay.set(p.day, p);
  const points = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  const latest = points[points.length - 1];
  if (!latest || latest.total === 0)
    return { status: 'no-data', summary: 'No entity is in scope yet.' };
  const doneNow = latest.done + latest.exempt;
  if (doneNow >= latest.total)
    return {
      status: 'done',
      summary: `Every entity is done${latest.exempt ? ' or exempt' : ''}.`,
    };
  const left = `${latest.total - doneNow} of ${latest.total} not done`;
  if (today > targetDate)
    return {
      status: 'at-risk',
      summary: `The target date (${long(targetDate)}) has passed with ${left}.`,
    };
  const from = dayNumber(today) - TREND_DAYS;
  const trend = points.filter(p => dayNumber(p.day) >= from);
  if (trend.length < 2)
    return {
      status: 'no-data',
      summary: `${left}; progress has been recorded on one day so far, too little to forecast.`,
    };
  const xs = trend.map(p => dayNumber(p.day));
  const ys = trend.map(fraction);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const perDay = sxx === 0 ? 0 : sxy / sxx;
  const span = xs[xs.length - 1] - xs[0];
  if (perDay <= 1e-9)
    return {
      status: 'at-risk',
      summary: `${left}, and no progress over the last ${days(
        span,
      )}: at this rate it will not be done by ${long(targetDate)}.`,
    };
  const needed = Math.ceil((1 - fraction(latest)) / perDay - 1e-9);
  const projectedDate = addDays(today, Math.max(needed, 0));
  const margin = dayNumber(targetDate) - dayNumber(projectedDate);
  return margin >= 0
    ? {
        status: 'on-track',
        projectedDate,
        summary: `At this rate every entity is done by ${long(
          projectedDate,
        )}, ${
          margin === 0 ? 'on' : `${days(margin)} before`
        } the target date (${long(targetDate)}).`,
      }
    : {
        status: 'at-risk',
        projectedDate,
        summary: `At this rate it is done on ${long(projectedDate)}, ${days(
          -margin,
        )} after the target date (${long(targetDate)}).`,
      };
}
