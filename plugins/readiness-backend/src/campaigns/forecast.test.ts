import { addDays, forecast, ProgressPoint } from './forecast';

/** A history of `days` days up to `today`, with `done(i)` entities done on day i (of `total`). */
function history(
  today: string,
  days: number,
  total: number,
  done: (i: number) => number,
  exempt = 0,
): ProgressPoint[] {
  return Array.from({ length: days }, (_, i) => ({
    day: addDays(today, i - days + 1),
    total,
    done: done(i),
    exempt,
  }));
}

describe('forecast', () => {
  const today = '2026-12-02';

  it('on track: one more done a day reaches 40 before the target date', () => {
    // 20 of 40 today, +1 a day: 20 left take 20 days → 2026-12-22, 24 days before 2027-01-15.
    const f = forecast(
      history(today, 21, 40, i => i),
      '2027-01-15',
      today,
    );
    expect(f.status).toBe('on-track');
    expect(f.projectedDate).toBe('2026-12-22');
    expect(f.summary).toBe(
      'At this rate every entity is done by 22 December 2026, 24 days before the target date (15 January 2027).',
    );
  });

  it('at risk: the same pace towards a nearer date', () => {
    const f = forecast(
      history(today, 21, 40, i => i),
      '2026-12-20',
      today,
    );
    expect(f).toEqual({
      status: 'at-risk',
      projectedDate: '2026-12-22',
      summary:
        'At this rate it is done on 22 December 2026, 2 days after the target date (20 December 2026).',
    });
  });

  it('at risk: no progress (the demo: 0 of 4 for weeks)', () => {
    const weekly = [0, 7, 14, 21].map(d => ({
      day: addDays(today, -d),
      total: 4,
      done: 0,
      exempt: 0,
    }));
    expect(forecast(weekly, '2027-01-15', today)).toEqual({
      status: 'at-risk',
      summary:
        '4 of 4 not done, and no progress over the last 21 days: at this rate it will not be done by 15 January 2027.',
    });
  });

  it('follows the last four weeks: an early burst does not hide a stall', () => {
    const points = [
      { day: addDays(today, -60), total: 10, done: 0, exempt: 0 },
      { day: addDays(today, -40), total: 10, done: 6, exempt: 0 },
      ...history(today, 20, 10, () => 6),
    ];
    expect(forecast(points, '2027-06-01', today).status).toBe('at-risk');
  });

  it('done early: everything done or exempt before the target date', () => {
    expect(
      forecast(
        history(today, 5, 8, i => 4 + i, 4),
        '2027-01-15',
        today,
      ),
    ).toEqual({ status: 'done', summary: 'Every entity is done or exempt.' });
    expect(
      forecast(
        history(today, 2, 3, () => 3),
        '2027-01-15',
        today,
      ),
    ).toEqual({ status: 'done', summary: 'Every entity is done.' });
  });

  it('no data: nothing in scope, or one day recorded', () => {
    expect(forecast([], '2027-01-15', today).status).toBe('no-data');
    expect(
      forecast(
        history(today, 3, 0, () => 0),
        '2027-01-15',
        today,
      ).summary,
    ).toBe('No entity is in scope yet.');
    expect(
      forecast(
        history(today, 1, 5, () => 1),
        '2027-01-15',
        today,
      ),
    ).toEqual({
      status: 'no-data',
      summary:
        '4 of 5 not done; progress has been recorded on one day so far, too little to forecast.',
    });
  });

  it('a target date passed with entities left is at risk, whatever the pace', () => {
    expect(
      forecast(
        history(today, 10, 10, i => i),
        '2026-11-30',
        today,
      ),
    ).toEqual({
      status: 'at-risk',
      summary:
        'The target date (30 November 2026) has passed with 1 of 10 not done.',
    });
  });

  it('ignores days after today and keeps the last point of a day', () => {
    const f = forecast(
      [
        { day: addDays(today, -1), total: 2, done: 0, exempt: 0 },
        { day: today, total: 2, done: 0, exempt: 0 },
        { day: today, total: 2, done: 1, exempt: 0 },
        { day: addDays(today, 1), total: 2, done: 2, exempt: 0 },
      ],
      '2027-01-15',
      today,
    );
    // +0.5 a day, half left: one more day.
    expect(f).toMatchObject({
      status: 'on-track',
      projectedDate: '2026-12-03',
    });
  });
});
