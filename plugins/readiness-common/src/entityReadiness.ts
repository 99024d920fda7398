import type { OverviewRow, Track } from './scorecards';

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

/** One entity's readiness in words: a short label and a sentence. @public */
export interface EntityReadinessWords {
  status: EntityReadinessStatus;
  /** `Ready`, the next gate (`Backend verified (sprint 2)`), or `Not evaluated yet`. */
  label: string;
  /** A sentence: `Not ready: the next gate, “Backend verified (sprint 2)” of RAG production readiness, fails; 3 checks hold it back.` */
  description: string;
  /** The next gate's status when not ready (failed, blocked, unknown), for its colour. */
  gateStatus?: string;
}

/**
 * {@link entityReadiness} in words, with the tracks' titles: the one wording of an entity's readiness for the
 * catalog column, its tooltip and the tech-insights fact.
 *
 * @public
 */
export function describeEntityReadiness(
  rows: OverviewRow[],
  tracks: Track[],
): EntityReadinessWords {
  const { status, behind } = entityReadiness(rows);
  if (!behind) {
    return status === 'ready'
      ? {
          status,
          label: 'Ready',
          description:
            'Ready: every gate of every track that applies has passed.',
        }
      : {
          status,
          label: 'Not evaluated yet',
          description: 'Not measured: no track has been evaluated for it yet.',
        };
  }
  const track = tracks.find(t => t.metadata.name === behind.trackId);
  const gate =
    track?.spec.gates.find(g => g.id === behind.nextGate)?.title ??
    behind.nextGate!;
  const gateStatus = behind.gates[behind.nextGate!] ?? behind.status;
  const state: Record<string, string> = {
    failed: 'fails',
    blocked: 'is blocked',
    unknown: 'cannot be measured yet',
  };
  const causes = behind.rootCauses.length;
  return {
    status,
    label: gate,
    description: `${
      status === 'not-measured' ? 'Not measured' : 'Not ready'
    }: the next gate, “${gate}” of ${
      track?.metadata.title ?? behind.trackId
    }, ${state[gateStatus] ?? gateStatus}${
      causes > 0
        ? `; ${causes} ${causes === 1 ? 'check holds' : 'checks hold'} it back`
        : ''
    }.`,
    gateStatus,
  };
}
