import { GateStatus, TrackGate } from '@readiness-io/plugin-readiness-common';

/** A failing or unmeasured check that keeps a gate from passing. */
export interface RootCauseRef {
  gateId: string;
  checkId: string;
  status: 'fail' | 'unknown';
}

/**
 * What keeps each gate from passing, from the statuses alone — the one definition used for live scorecards and for
 * the overview's stored results. A failed or unknown gate: its own failing or unmeasured checks. A blocked gate: the
 * root causes of the gates it waits for (those that have not passed and apply), in dependency order, each once. A
 * passed or not-applicable gate: none. Also returns, per gate, the gates it waits for (`blockedBy`).
 */
export function rootCausesByGate(
  gates: TrackGate[],
  order: string[],
  gateStatus: (gateId: string) => GateStatus | undefined,
  checkStatus: (gateId: string, checkId: string) => string | undefined,
): Map<string, { blockedBy: string[]; rootCauses: RootCauseRef[] }> {
  const byId = new Map(gates.map(g => [g.id, g]));
  const result = new Map<
    string,
    { blockedBy: string[]; rootCauses: RootCauseRef[] }
  >();
  for (const gateId of order) {
    const gate = byId.get(gateId)!;
    const status = gateStatus(gateId);
    if (status === 'not-applicable') {
      result.set(gateId, { blockedBy: [], rootCauses: [] });
      continue;
    }
    const blockedBy = gate.dependsOn.filter(dep => {
      const s = gateStatus(dep);
      return s !== 'passed' && s !== 'not-applicable';
    });
    let rootCauses: RootCauseRef[] = [];
    if (status === 'blocked') {
      const seen = new Set<string>();
      for (const dep of blockedBy) {
        for (const rc of result.get(dep)!.rootCauses) {
          const key = `${rc.gateId}\u0000${rc.checkId}`;
          if (!seen.has(key)) {
            seen.add(key);
            rootCauses.push(rc);
          }
        }
      }
    } else if (status === 'failed' || status === 'unknown') {
      rootCauses = gate.checks
        .map(c => ({ checkId: c.id, status: checkStatus(gateId, c.id) }))
        .filter(
          (c): c is { checkId: string; status: 'fail' | 'unknown' } =>
            c.status === 'fail' || c.status === 'unknown',
        )
        .map(c => ({ gateId, ...c }));
    }
    result.set(gateId, { blockedBy, rootCauses });
  }
  return result;
}
