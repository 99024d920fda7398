import {
  GateStatus,
  SystemReadiness,
  SystemReadinessEntity,
  Track,
  TrackEvaluation,
} from '@readiness-io/plugin-readiness-common';

const severity: Record<GateStatus, number> = {
  failed: 3,
  unknown: 2,
  blocked: 1,
  passed: 0,
  'not-applicable': -1,
};

/** The worse of two gate statuses: failed, then unknown, then blocked, then passed, then not applicable. */
export function worseStatus(a: GateStatus, b: GateStatus): GateStatus {
  return severity[a] >= severity[b] ? a : b;
}

function shareOfGatesPassed(entity: SystemReadinessEntity): number {
  const passed = entity.tracks.reduce((n, t) => n + t.gatesPassed, 0);
  const total = entity.tracks.reduce((n, t) => n + t.gatesTotal, 0);
  return total === 0 ? Number.POSITIVE_INFINITY : passed / total;
}

/**
 * Rolls up the evaluations of a system's entities: one row per entity (weakest link first), the worst status
 * of each gate across them, and the root causes across the system, most frequent first.
 */
export function rollUpSystem(options: {
  systemRef: string;
  evaluatedAt: string;
  entities: Array<{
    entityRef: string;
    kind: string;
    title?: string;
    evaluations: TrackEvaluation[];
  }>;
  tracks: Track[];
}): SystemReadiness {
  const rows: SystemReadinessEntity[] = options.entities.map(e => ({
    entityRef: e.entityRef,
    kind: e.kind,
    ...(e.title ? { title: e.title } : {}),
    tracks: e.evaluations.map(ev => ({
      trackId: ev.trackId,
      gatesPassed: ev.summary.gatesPassed,
      gatesTotal: ev.summary.gatesTotal,
      ...(ev.summary.nextGate ? { nextGate: ev.summary.nextGate } : {}),
      gates: Object.fromEntries(ev.gates.map(g => [g.gateId, g.status])),
      blockers: ev.summary.blockers,
    })),
  }));
  rows.sort(
    (a, b) =>
      shareOfGatesPassed(a) - shareOfGatesPassed(b) ||
      a.entityRef.localeCompare(b.entityRef),
  );

  const usedTracks = options.tracks.filter(t =>
    rows.some(r => r.tracks.some(rt => rt.trackId === t.metadata.name)),
  );
  const tracks = usedTracks.map(track => ({
    trackId: track.metadata.name,
    title: track.metadata.title,
    gates: track.spec.gates.map(gate => {
      let status: GateStatus = 'not-applicable';
      for (const row of rows) {
        const s = row.tracks.find(t => t.trackId === track.metadata.name)
          ?.gates[gate.id];
        if (s) status = worseStatus(status, s);
      }
      return { id: gate.id, title: gate.title, status };
    }),
  }));

  const trackById = new Map(options.tracks.map(t => [t.metadata.name, t]));
  const causes = new Map<string, SystemReadiness['rootCauses'][number]>();
  for (const e of options.entities) {
    for (const ev of e.evaluations) {
      for (const gate of ev.gates) {
        for (const rc of gate.rootCauses) {
          // One cause per check: a system-wide check (one entity's fact) blocks every entity it is read for.
          const key = `${ev.trackId}/${rc.gateId}/${rc.checkId}`;
          const causeGate = trackById
            .get(ev.trackId)
            ?.spec.gates.find(g => g.id === rc.gateId);
          const existing = causes.get(key) ?? {
            ...rc,
            trackId: ev.trackId,
            title:
              causeGate?.checks.find(c => c.id === rc.checkId)?.title ??
              rc.checkId,
            gateTitle: causeGate?.title ?? rc.gateId,
            entityRefs: [],
          };
          if (!existing.entityRefs.includes(e.entityRef))
            existing.entityRefs.push(e.entityRef);
          causes.set(key, existing);
        }
      }
    }
  }
  // A weakest link only when there is one: rows all at the same share of gates passed have none.
  const measured = rows.filter(r => r.tracks.length > 0);
  const weakest =
    measured.length > 1 &&
    shareOfGatesPassed(measured[0]) <
      shareOfGatesPassed(measured[measured.length - 1])
      ? measured[0]
      : undefined;
  return {
    systemRef: options.systemRef,
    evaluatedAt: options.evaluatedAt,
    tracks,
    entities: rows,
    ...(weakest ? { weakestLink: weakest.entityRef } : {}),
    rootCauses: [...causes.values()].sort(
      (a, b) => b.entityRefs.length - a.entityRefs.length,
    ),
  };
}
