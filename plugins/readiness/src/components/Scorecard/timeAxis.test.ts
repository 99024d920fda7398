import { timeAxis } from './timeAxis';

describe('timeAxis', () => {
  const local = (y: number, m: number, d: number, h = 0, min = 0) =>
    new Date(y, m - 1, d, h, min).getTime();

  it('labels a span of hours with times of day, each tick different, the date at midnight', () => {
    const { ticks, label } = timeAxis(
      local(2026, 12, 1, 19, 40),
      local(2026, 12, 2, 4, 5),
    );
    const labels = ticks.map(label);
    expect(labels).toEqual(['20:00', '22:00', 'Dec 2', '02:00', '04:00']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels a span of days with dates, at most six ticks, inside the span', () => {
    const min = local(2026, 11, 3, 10);
    const max = local(2026, 12, 1, 9);
    const { ticks, label } = timeAxis(min, max);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]).toBeGreaterThanOrEqual(min);
    expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(max);
    expect(ticks.map(label)).toEqual(['Nov 4', 'Nov 11', 'Nov 18', 'Nov 25']);
  });

  it('marks both ends of a span of minutes with no whole hour inside', () => {
    const { ticks, label } = timeAxis(
      local(2026, 12, 1, 9, 10),
      local(2026, 12, 1, 9, 40),
    );
    expect(ticks.map(label)).toEqual(['09:10', '09:40']);
  });
});
