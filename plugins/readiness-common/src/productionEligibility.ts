import type { SystemReadiness } from './scorecards';
import { joinWords, refDisplayName } from './verdict';

/** The gate every component of a System must pass before it gets a production environment. @public */
export interface ProductionGate {
  trackId: string;
  gateId: string;
}

/**
 * Whether a System may get a production environment: every one of its entities the gate's track applies to has
 * passed the gate. The one rule for the template's first step in the browser and the scaffolder action on the
 * server; `reason` says why not, in titles.
 *
 * @public
 */
export function productionEligibility(
  readiness: SystemReadiness,
  gate: ProductionGate,
  systemTitle?: string,
): { allowed: boolean; reason?: string } {
  const track = readiness.tracks.find(t => t.trackId === gate.trackId);
  const gateTitle =
    track?.gates.find(g => g.id === gate.gateId)?.title ?? gate.gateId;
  const system = systemTitle ?? refDisplayName(readiness.systemRef);
  const measured = readiness.entities.filter(e =>
    e.tracks.some(t => t.trackId === gate.trackId),
  );
  if (measured.length === 0)
    return {
      allowed: false,
      reason: `Production needs ${gateTitle} passed by every component of ${system}, and ${
        track
          ? 'none of them is evaluated by its track yet'
          : `its track (${gate.trackId}) is not loaded`
      }.`,
    };
  const notPassed = measured.filter(
    e =>
      e.tracks.find(t => t.trackId === gate.trackId)!.gates[gate.gateId] !==
      'passed',
  );
  if (notPassed.length === 0) return { allowed: true };
  const names = notPassed.map(e => e.title ?? refDisplayName(e.entityRef));
  const causes = readiness.rootCauses
    .filter(c => c.trackId === gate.trackId)
    .slice(0, 3)
    .map(c => c.title);
  return {
    allowed: false,
    reason: `Production needs ${gateTitle} passed by every component of ${system}; ${joinWords(
      names,
    )} ${notPassed.length === 1 ? 'has' : 'have'} not passed it yet${
      causes.length ? `, blocked by ${joinWords(causes)}` : ''
    }.`,
  };
}
