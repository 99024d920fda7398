const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

function time24(t: number) {
  return new Date(t).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * Ticks for a time axis from `min` to `max` (epoch ms): at most `maxTicks`, on whole hours or local midnights, and
 * a label for each that tells it from its neighbours — times of day for a span of hours ("14:00", with the date at
 * midnight), dates for a span of days ("Dec 1").
 */
export function timeAxis(
  min: number,
  max: number,
  maxTicks = 6,
): { ticks: number[]; label: (at: number) => string } {
  const span = Math.max(max - min, 1);
  const step =
    STEPS.find(s => span / s <= maxTicks - 1) ?? STEPS[STEPS.length - 1];
  const first = new Date(min);
  if (step < DAY) {
    first.setMinutes(0, 0, 0);
    const stepHours = step / HOUR;
    while (first.getTime() < min || first.getHours() % stepHours !== 0)
      first.setHours(first.getHours() + 1);
  } else {
    first.setHours(0, 0, 0, 0);
    if (first.getTime() < min) first.setDate(first.getDate() + 1);
  }
  const ticks: number[] = [];
  const at = new Date(first);
  while (at.getTime() <= max && ticks.length < maxTicks + 2) {
    ticks.push(at.getTime());
    if (step < DAY) at.setHours(at.getHours() + step / HOUR);
    else at.setDate(at.getDate() + step / DAY);
  }
  // Under an hour with no whole hour inside: the two ends.
  if (ticks.length < 2) return { ticks: [min, max], label: time24 };
  const date = (t: number) =>
    new Date(t).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  const label = (t: number) => {
    if (step >= DAY) return date(t);
    const d = new Date(t);
    return d.getHours() === 0 && d.getMinutes() === 0 ? date(t) : time24(t);
  };
  return { ticks, label };
}
