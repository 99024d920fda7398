import type { OverviewRow } from './scorecards';

/** Where an entity stands across the tracks that apply to it. @public */
export type EntityReadinessStatus = 'ready' | 'not-ready' | 'not-measured';

/**
 * One entity's readiness from its overview rows (one per track): ready when every evaluated track has passed;
 * not measured when nothing was evaluated yet or the next gate of the track furthest behind cannot be measured;
 * otherwise not ready. `behind` is that track's row. The one rule for the catalog column, its filter and the
 * Readiness page's counts.
 *
 * @public
 */
export function entityReadiness(rows: OverviewRow[]): {
  status: EntityReadinessStatus;
  behind?: OverviewRow;
} {
  const evaluated = rows.filter(r => r.status !== 'not-evaluated');
  if (evaluated.length === 0) return { status: 'not-measured' };
  const behind = evaluated
    .filter(r => r.status !== 'passed' && r.nextGate)
    .sort(
      (a, b) =>
        a.gatesPassed / Math.max(1, a.gatesTotal) -
        b.gatesPassed / Math.max(1, b.gatesTotal),
    )[0];
  if (!behind) return { status: 'ready' };
  const gateStatus = behind.gates[behind.nextGate!] ?? behind.status;
  return {
    status: gateStatus === 'unknown' ? 'not-measured' : 'not-ready',
    behind,
  };
}
