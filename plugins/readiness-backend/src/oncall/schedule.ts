import { DateTime } from 'luxon';
import { OnCallFile, RotationLayer } from './onCallFile';

/** Who covers [start, end) (epoch milliseconds), and why. */
export interface Segment {
  user: string;
  start: number;
  end: number;
  source: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The k-th hand-off of a layer: the start date plus k × rotationDays *local* days, at the local hand-off time.
 * Adding local days keeps the wall-clock time across daylight-saving changes; a hand-off time that does not exist
 * on a spring-forward day moves forward by the gap (luxon's rule).
 */
export function handoffAt(layer: RotationLayer, k: number): number {
  const [hour, minute] = layer.handoff.split(':').map(Number);
  return DateTime.fromISO(layer.start, { zone: layer.timeZone })
    .plus({ days: k * layer.rotationDays })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toMillis();
}

/** The layer's end instant (its end date at the hand-off time), or Infinity. */
function layerEnd(layer: RotationLayer): number {
  if (!layer.end) return Infinity;
  const [hour, minute] = layer.handoff.split(':').map(Number);
  return DateTime.fromISO(layer.end, { zone: layer.timeZone })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toMillis();
}

/** The index of the shift containing t (hand-off k ≤ t < hand-off k+1), or -1 before the first hand-off. */
export function shiftIndexAt(layer: RotationLayer, t: number): number {
  const first = handoffAt(layer, 0);
  if (t < first) return -1;
  // Local days are 23 to 25 hours, so the estimate is off by at most one in either direction.
  let k = Math.floor((t - first) / (layer.rotationDays * DAY_MS));
  while (k > 0 && handoffAt(layer, k) > t) k--;
  while (handoffAt(layer, k + 1) <= t) k++;
  return k;
}

/** The layer's rotation shifts overlapping [from, to), before the daily window is applied. */
function rotationShifts(
  layer: RotationLayer,
  from: number,
  to: number,
): Segment[] {
  const stop = Math.min(to, layerEnd(layer));
  const segments: Segment[] = [];
  let k = Math.max(0, shiftIndexAt(layer, from));
  for (let start = handoffAt(layer, k); start < stop; k++) {
    const end = handoffAt(layer, k + 1);
    const s = Math.max(start, from);
    const e = Math.min(end, stop);
    if (e > s)
      segments.push({
        user: layer.members[k % layer.members.length],
        start: s,
        end: e,
        source: layer.name,
      });
    start = end;
  }
  return segments;
}

/** The daily active windows of a layer overlapping [from, to) (a window from 20:00 to 08:00 runs overnight). */
function activeWindows(
  layer: RotationLayer,
  from: number,
  to: number,
): Array<[number, number]> {
  if (!layer.activeHours) return [[from, to]];
  const [fh, fm] = layer.activeHours.from.split(':').map(Number);
  const [th, tm] = layer.activeHours.to.split(':').map(Number);
  const windows: Array<[number, number]> = [];
  let day = DateTime.fromMillis(from, { zone: layer.timeZone })
    .startOf('day')
    .minus({ days: 1 });
  while (day.toMillis() < to) {
    const start = day.set({ hour: fh, minute: fm }).toMillis();
    let end = day.set({ hour: th, minute: tm }).toMillis();
    if (end <= start)
      end = day.plus({ days: 1 }).set({ hour: th, minute: tm }).toMillis();
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) windows.push([s, e]);
    day = day.plus({ days: 1 });
  }
  return windows;
}

/** One layer's cover over [from, to): its rotation shifts cut to its daily window. */
export function layerSegments(
  layer: RotationLayer,
  from: number,
  to: number,
): Segment[] {
  const shifts = rotationShifts(layer, from, to);
  const windows = activeWindows(layer, from, to);
  const out: Segment[] = [];
  for (const shift of shifts) {
    for (const [ws, we] of windows) {
      const s = Math.max(shift.start, ws);
      const e = Math.min(shift.end, we);
      if (e > s) out.push({ ...shift, start: s, end: e });
    }
  }
  return out;
}

/**
 * Who is on call over [from, to): overrides first (the last listed wins where they overlap), then the layers in
 * the order listed (the first layer that covers an instant wins). Adjacent stretches of the same person from the
 * same source are merged. Time nobody covers is absent from the result.
 */
export function computeSchedule(
  file: OnCallFile,
  from: number,
  to: number,
): Segment[] {
  const overrides: Segment[] = file.overrides
    .map(o => ({
      user: o.user,
      start: Math.max(Date.parse(o.start), from),
      end: Math.min(Date.parse(o.end), to),
      source: 'override',
    }))
    .filter(o => o.end > o.start);
  const layers = file.layers.map(l => layerSegments(l, from, to));
  const points = new Set<number>([from, to]);
  for (const s of [...overrides, ...layers.flat()]) {
    points.add(s.start);
    points.add(s.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    const covering = (list: Segment[]) =>
      list.filter(s => s.start <= a && a < s.end);
    const override = covering(overrides).pop();
    const layer = layers.map(l => covering(l)[0]).find(Boolean);
    const who = override ?? layer;
    if (!who) continue;
    const last = result[result.length - 1];
    if (
      last &&
      last.end === a &&
      last.user === who.user &&
      last.source === who.source
    )
      last.end = b;
    else result.push({ user: who.user, start: a, end: b, source: who.source });
  }
  return result;
}

const MINUTE_MS = 60 * 1000;

/**
 * {@link computeSchedule} remembered for a minute: a scorecard or an evaluation run asks for the same file's next
 * 14 days for every entity that points at it, and working the rotations out across time zones is most of an
 * on-call fact's cost. Schedules are computed over whole minutes and cut to the window asked for, which gives exactly
 * what computing the window itself gives; keyed by the file's content, so entities sharing a file share the work.
 */
export class ScheduleMemo {
  private readonly entries = new Map<
    string,
    { segments: Segment[]; expires: number }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    } = { ttlMs: MINUTE_MS, maxEntries: 256 },
  ) {}

  schedule(file: OnCallFile, from: number, to: number): Segment[] {
    const start = Math.floor(from / MINUTE_MS) * MINUTE_MS;
    const end = Math.ceil(to / MINUTE_MS) * MINUTE_MS;
    const key = `${start}:${end}:${JSON.stringify(file)}`;
    const now = (this.options.now ?? Date.now)();
    let entry = this.entries.get(key);
    if (!entry || entry.expires <= now) {
      entry = {
        segments: computeSchedule(file, start, end),
        expires: now + this.options.ttlMs,
      };
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > this.options.maxEntries) {
        this.entries.delete(this.entries.keys().next().value!);
      }
    }
    const result: Segment[] = [];
    for (const s of entry.segments) {
      const a = Math.max(s.start, from);
      const b = Math.min(s.end, to);
      if (b > a) result.push({ ...s, start: a, end: b });
    }
    return result;
  }
}

/** Hours in [from, to) nobody covers. */
export function uncoveredHours(
  segments: Segment[],
  from: number,
  to: number,
): number {
  const covered = segments.reduce(
    (sum, s) =>
      sum + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)),
    0,
  );
  return Math.round(((to - from - covered) / 3_600_000) * 10) / 10;
}
