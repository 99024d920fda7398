import type { SystemReadiness } from '@readiness-io/plugin-readiness-common';

type TrackGates = SystemReadiness['tracks'][number];
type EntityRow = SystemReadiness['entities'][number];

/** Entities of a System at exactly the same point of a track: one row of the matrix. */
export interface MatrixRow {
  entities: EntityRow[];
  gatesPassed: number;
  gatesTotal: number;
  /** By gate id. */
  statuses: Record<string, string>;
}

/** One column: a gate, or a run of consecutive gates whose status is the same in every row. */
export interface MatrixColumn {
  gates: Array<{ id: string; title: string }>;
}

/**
 * The matrix of a System's entities × the gates of one track, made to fit and to read: entities whose every gate
 * has the same status share a row (weakest first), and runs of at least `minRun` consecutive gates with the same
 * status in every row become one column — except the last `pinned` gates (where shipping is decided), which
 * always keep their own column.
 */
export function systemMatrix(
  track: TrackGates,
  entities: EntityRow[],
  options: { collapse: boolean; minRun?: number; pinned?: number } = {
    collapse: true,
  },
): { rows: MatrixRow[]; columns: MatrixColumn[] } {
  const minRun = options.minRun ?? 3;
  const pinned = options.pinned ?? 2;
  const groups = new Map<string, MatrixRow>();
  for (const entity of entities) {
    const result = entity.tracks.find(t => t.trackId === track.trackId);
    if (!result) continue;
    const statuses = Object.fromEntries(
      track.gates.map(g => [g.id, result.gates[g.id] ?? 'unknown']),
    );
    const key = `${result.gatesPassed}/${result.gatesTotal}/${track.gates
      .map(g => statuses[g.id])
      .join(',')}`;
    const group = groups.get(key);
    if (group) group.entities.push(entity);
    else
      groups.set(key, {
        entities: [entity],
        gatesPassed: result.gatesPassed,
        gatesTotal: result.gatesTotal,
        statuses,
      });
  }
  const share = (r: MatrixRow) =>
    r.gatesTotal === 0 ? 1 : r.gatesPassed / r.gatesTotal;
  const rows = [...groups.values()].sort(
    (a, b) =>
      share(a) - share(b) ||
      (a.entities[0].title ?? a.entities[0].entityRef).localeCompare(
        b.entities[0].title ?? b.entities[0].entityRef,
      ),
  );

  const gates = track.gates.map(g => ({ id: g.id, title: g.title }));
  if (!options.collapse)
    return { rows, columns: gates.map(g => ({ gates: [g] })) };
  const vector = (id: string) => rows.map(r => r.statuses[id]).join(',');
  const columns: MatrixColumn[] = [];
  const collapsible = Math.max(0, gates.length - pinned);
  for (let i = 0; i < gates.length; ) {
    let j = i + 1;
    if (i < collapsible) {
      while (j < collapsible && vector(gates[j].id) === vector(gates[i].id))
        j++;
    }
    if (j - i >= minRun) {
      columns.push({ gates: gates.slice(i, j) });
    } else {
      for (let k = i; k < j; k++) columns.push({ gates: [gates[k]] });
    }
    i = j;
  }
  return { rows, columns };
}
