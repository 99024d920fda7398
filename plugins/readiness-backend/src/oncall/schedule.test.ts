import fc from 'fast-check';
import { DateTime } from 'luxon';
import { OnCallFile, RotationLayer } from './onCallFile';
import {
  computeSchedule,
  handoffAt,
  ScheduleMemo,
  shiftIndexAt,
  uncoveredHours,
} from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
];
const users = [
  'user:default/a',
  'user:default/b',
  'user:default/c',
  'user:default/d',
  'user:default/e',
];

/** Hand-off times from 04:00 on: no zone here changes its clocks then, so the wall-clock time always exists. */
const layerArb: fc.Arbitrary<RotationLayer> = fc.record({
  name: fc.constant('primary'),
  members: fc.shuffledSubarray(users, { minLength: 1 }),
  timeZone: fc.constantFrom(...zones),
  start: fc
    .date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2027-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10)),
  handoff: fc
    .tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    ),
  rotationDays: fc.integer({ min: 1, max: 14 }),
});

/** The oracle: walk the hand-offs one rotation at a time from the start, in local time. */
function naiveOnCall(layer: RotationLayer, t: number): string | undefined {
  const [hour, minute] = layer.handoff.split(':').map(Number);
  let handoff = DateTime.fromISO(layer.start, { zone: layer.timeZone }).set({
    hour,
    minute,
  });
  if (t < handoff.toMillis()) return undefined;
  let k = 0;
  for (;;) {
    const next = handoff
      .plus({ days: layer.rotationDays })
      .set({ hour, minute });
    if (next.toMillis() > t) return layer.members[k % layer.members.length];
    handoff = next;
    k++;
  }
}

const file = (
  layers: RotationLayer[],
  overrides: OnCallFile['overrides'] = [],
): OnCallFile => ({ name: 'f', layers, overrides, escalation: [] });
const at = (segments: ReturnType<typeof computeSchedule>, t: number) =>
  segments.find(s => s.start <= t && t < s.end);

describe('on-call rotation maths', () => {
  it('puts the right person on call at any instant, across hand-offs, zones and DST changes', () => {
    fc.assert(
      fc.property(
        layerArb,
        fc.integer({ min: -5 * DAY, max: 400 * DAY }),
        (layer, offset) => {
          const t = handoffAt(layer, 0) + offset;
          const segments = computeSchedule(file([layer]), t - DAY, t + DAY);
          expect(at(segments, t)?.user).toBe(naiveOnCall(layer, t));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hands off at the local hand-off time, shifts follow the rotation order and leave no gaps', () => {
    fc.assert(
      fc.property(
        layerArb,
        fc.integer({ min: 0, max: 300 }),
        (layer, startDay) => {
          if (new Set(layer.members).size < 2) return;
          const from = handoffAt(layer, 0) + startDay * DAY;
          const to = from + 30 * DAY;
          const segments = computeSchedule(file([layer]), from, to);
          expect(segments[0].start).toBe(from);
          expect(segments[segments.length - 1].end).toBe(to);
          for (let i = 1; i < segments.length; i++) {
            expect(segments[i].start).toBe(segments[i - 1].end);
            const local = DateTime.fromMillis(segments[i].start, {
              zone: layer.timeZone,
            });
            expect(local.toFormat('HH:mm')).toBe(layer.handoff);
            const previous = layer.members.indexOf(segments[i - 1].user);
            expect(segments[i].user).toBe(
              layer.members[(previous + 1) % layer.members.length],
            );
          }
          // A full shift lasts rotationDays local days: 24 h each, give or take one DST change (30 min on Lord Howe).
          for (const shift of segments.slice(1, -1)) {
            expect(
              Math.abs(shift.end - shift.start - layer.rotationDays * DAY),
            ).toBeLessThanOrEqual(HOUR);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an override replaces the rotation inside its interval and changes nothing outside it', () => {
    fc.assert(
      fc.property(
        layerArb,
        fc.integer({ min: 0, max: 200 * DAY }),
        fc.integer({ min: HOUR / 60, max: 5 * DAY }),
        fc.constantFrom(...users),
        fc.array(fc.integer({ min: -6 * DAY, max: 6 * DAY }), {
          minLength: 5,
          maxLength: 20,
        }),
        (layer, startOffset, length, user, probes) => {
          const start = handoffAt(layer, 0) + startOffset;
          const override = {
            user,
            start: new Date(start).toISOString(),
            end: new Date(start + length).toISOString(),
          };
          const from = start - 7 * DAY;
          const to = start + 7 * DAY;
          const plain = computeSchedule(file([layer]), from, to);
          const withOverride = computeSchedule(
            file([layer], [override]),
            from,
            to,
          );
          const instants = probes
            .map(p => start + p)
            .filter(t => t >= from && t < to);
          for (const t of instants) {
            const inside = t >= start && t < start + length;
            expect(at(withOverride, t)?.user).toBe(
              inside ? user : at(plain, t)?.user,
            );
            expect(at(withOverride, t)?.source === 'override').toBe(inside);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the remembered schedule of any window is exactly the computed one', () => {
    const memo = new ScheduleMemo({ ttlMs: 60_000, maxEntries: 8 });
    fc.assert(
      fc.property(
        fc.array(layerArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 200 * DAY }),
        fc.integer({ min: 1, max: 14 * DAY }),
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: 1, max: 2 * DAY }),
        fc.constantFrom(...users),
        (layers, startOffset, length, overrideOffset, overrideLength, user) => {
          const from = handoffAt(layers[0], 0) - DAY + startOffset;
          const to = from + length;
          const overrideStart = from + overrideOffset;
          const onCall = file(layers, [
            {
              user,
              start: new Date(overrideStart).toISOString(),
              end: new Date(overrideStart + overrideLength).toISOString(),
            },
          ]);
          const expected = computeSchedule(onCall, from, to);
          expect(memo.schedule(onCall, from, to)).toEqual(expected);
          // Again, a few milliseconds later in the same minute: from memory, still exact.
          expect(memo.schedule(onCall, from + 7, to + 7)).toEqual(
            computeSchedule(onCall, from + 7, to + 7),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the memory computes once per minute window and file, and again once entries expire', () => {
    let now = 0;
    const memo = new ScheduleMemo({
      ttlMs: 60_000,
      maxEntries: 8,
      now: () => now,
    });
    const layer: RotationLayer = {
      name: 'primary',
      members: users.slice(0, 2),
      timeZone: 'Europe/Berlin',
      start: '2026-11-02',
      rotationDays: 7,
      handoff: '09:00',
    };
    const onCall = file([layer]);
    const from = Date.parse('2026-12-01T10:00:05Z');
    const spy = jest.spyOn(onCall.layers, 'map');
    memo.schedule(onCall, from, from + 14 * DAY);
    memo.schedule(onCall, from + 1000, from + 1000 + 14 * DAY);
    expect(spy).toHaveBeenCalledTimes(1);
    now = 61_000;
    memo.schedule(onCall, from + 2000, from + 2000 + 14 * DAY);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('round-the-clock rotations leave nothing uncovered; a daily window leaves the rest of each day uncovered', () => {
    fc.assert(
      fc.property(
        layerArb,
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 1, max: 23 }),
        (layer, day, hours) => {
          const from = handoffAt(layer, 0) + day * DAY;
          const to = from + 14 * DAY;
          expect(
            uncoveredHours(computeSchedule(file([layer]), from, to), from, to),
          ).toBe(0);

          const windowed = {
            ...layer,
            activeHours: {
              from: '06:00',
              to: `${String((6 + hours) % 24).padStart(2, '0')}:00`,
            },
          };
          const uncovered = uncoveredHours(
            computeSchedule(file([windowed]), from, to),
            from,
            to,
          );
          // 14 local days of (24 - hours) uncovered; a DST change in the window moves it by up to an hour.
          expect(Math.abs(uncovered - 14 * (24 - hours))).toBeLessThanOrEqual(
            1,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('covers nothing before the first hand-off or after the end date, and the first layer wins', () => {
    const primary: RotationLayer = {
      name: 'primary',
      members: ['user:default/a'],
      timeZone: 'Europe/Berlin',
      start: '2026-11-02',
      handoff: '09:00',
      rotationDays: 7,
      end: '2026-11-16',
    };
    const secondary: RotationLayer = {
      name: 'secondary',
      members: ['user:default/b'],
      timeZone: 'UTC',
      start: '2026-01-01',
      handoff: '00:00',
      rotationDays: 1,
    };
    const from = Date.parse('2026-11-01T00:00:00Z');
    const to = Date.parse('2026-11-20T00:00:00Z');
    const alone = computeSchedule(file([primary]), from, to);
    expect(alone[0].start).toBe(Date.parse('2026-11-02T08:00:00Z'));
    expect(alone[alone.length - 1].end).toBe(
      Date.parse('2026-11-16T08:00:00Z'),
    );
    const both = computeSchedule(file([primary, secondary]), from, to);
    expect(at(both, Date.parse('2026-11-10T12:00:00Z'))?.user).toBe(
      'user:default/a',
    );
    expect(at(both, Date.parse('2026-11-18T12:00:00Z'))?.source).toBe(
      'secondary',
    );
    expect(uncoveredHours(both, from, to)).toBe(0);
  });

  it('finds the shift index by search, not by dividing', () => {
    const layer: RotationLayer = {
      name: 'p',
      members: ['user:default/a', 'user:default/b'],
      timeZone: 'Europe/Berlin',
      start: '2026-10-19',
      handoff: '09:00',
      rotationDays: 7,
    };
    // 2026-10-25 is the autumn DST change in Berlin: the second shift is 169 hours long.
    expect(handoffAt(layer, 1) - handoffAt(layer, 0)).toBe(169 * HOUR);
    expect(shiftIndexAt(layer, handoffAt(layer, 1) - 1)).toBe(0);
    expect(shiftIndexAt(layer, handoffAt(layer, 1))).toBe(1);
    expect(shiftIndexAt(layer, handoffAt(layer, 0) - 1)).toBe(-1);
  });
});
