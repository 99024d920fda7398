import {
  joinWords,
  Track,
  TrackEvaluation,
} from '@readiness-io/plugin-readiness-common';

type Gate = { id: string; dependsOn: string[] };

/** Every gate a gate waits for, directly or through others. */
function ancestorsOf(gates: Gate[]): Map<string, Set<string>> {
  const byId = new Map(gates.map(g => [g.id, g]));
  const memo = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const all = new Set<string>();
    memo.set(id, all);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      all.add(dep);
      for (const a of visit(dep)) all.add(a);
    }
    return all;
  };
  gates.forEach(g => visit(g.id));
  return memo;
}

/**
 * The edges worth drawing: `dependsOn` without the ones another path already implies (Deployment prepared waits for
 * Backend verified through every sprint after it, so that direct edge is left out).
 */
export function reducedEdges(
  gates: Gate[],
): Array<{ from: string; to: string }> {
  const ancestors = ancestorsOf(gates);
  return gates.flatMap(gate =>
    gate.dependsOn
      .filter(
        dep =>
          !gate.dependsOn.some(
            other => other !== dep && ancestors.get(other)?.has(dep),
          ),
      )
      .map(dep => ({ from: dep, to: gate.id })),
  );
}

/**
 * The gate a person asks about when they ask "can this ship?": the one they selected, else the last gate (in
 * dependency order) that applies.
 */
export function targetGate(
  track: Track,
  evaluation: TrackEvaluation,
  selected?: string,
): string | undefined {
  if (selected) return selected;
  const status = new Map(evaluation.gates.map(g => [g.gateId, g.status]));
  const gates = track.spec.gates;
  const ancestors = ancestorsOf(gates);
  // Sinks first (nothing depends on them), the one with the most gates behind it.
  const applying = gates.filter(g => status.get(g.id) !== 'not-applicable');
  return [...applying].sort(
    (a, b) =>
      (ancestors.get(b.id)?.size ?? 0) - (ancestors.get(a.id)?.size ?? 0),
  )[0]?.id;
}

/**
 * The path that blocks the target: the gates between a gate holding a root cause of the target and the target
 * itself, and the drawn edges between them.
 */
export function blockingPath(
  track: Track,
  evaluation: TrackEvaluation,
  target: string | undefined,
): { gates: Set<string>; edges: Set<string> } {
  const gates = new Set<string>();
  const edges = new Set<string>();
  const result = evaluation.gates.find(g => g.gateId === target);
  if (!target || !result || result.rootCauses.length === 0)
    return { gates, edges };
  const ancestors = ancestorsOf(track.spec.gates);
  const sources = new Set(result.rootCauses.map(c => c.gateId));
  for (const gate of track.spec.gates) {
    const onPath =
      gate.id === target
        ? true
        : ancestors.get(target)?.has(gate.id) &&
          (sources.has(gate.id) ||
            [...sources].some(s => ancestors.get(gate.id)?.has(s)));
    if (onPath) gates.add(gate.id);
  }
  for (const e of reducedEdges(track.spec.gates)) {
    if (gates.has(e.from) && gates.has(e.to)) edges.add(`${e.from}->${e.to}`);
  }
  return { gates, edges };
}

/**
 * The answer above the graph, in words: "Can't ship: RAG API is blocked at Deployment prepared (sprint 7) by
 * OIDC login works end to end (Backend verified (sprint 2))."
 */
export function shipHeadline(
  track: Track,
  evaluation: TrackEvaluation,
  target: string | undefined,
  entityTitle: string,
): string {
  const gate = track.spec.gates.find(g => g.id === target);
  const result = evaluation.gates.find(g => g.gateId === target);
  if (!gate || !result)
    return `${entityTitle}: no gate of this track applies yet.`;
  const title = (id: string) =>
    track.spec.gates.find(g => g.id === id)?.title ?? id;
  const checkTitle = (gateId: string, checkId: string) =>
    track.spec.gates
      .find(g => g.id === gateId)
      ?.checks.find(c => c.id === checkId)?.title ?? checkId;
  if (result.status === 'passed')
    return `Ready: ${entityTitle} has passed ${gate.title}.`;
  if (result.status === 'not-applicable')
    return `${gate.title} does not apply to ${entityTitle} yet.`;
  const byGate = new Map<string, string[]>();
  for (const c of result.rootCauses) {
    byGate.set(c.gateId, [
      ...(byGate.get(c.gateId) ?? []),
      checkTitle(c.gateId, c.checkId),
    ]);
  }
  const causes = [...byGate.entries()].map(
    ([gateId, checks]) => `${joinWords(checks)} (${title(gateId)})`,
  );
  const state = result.status === 'blocked' ? 'is blocked at' : 'does not pass';
  return `Can't ship: ${entityTitle} ${state} ${gate.title}${
    causes.length ? ` by ${joinWords(causes)}` : ''
  }.`;
}

/** One thing to do to unblock a gate: a root cause, its gate, and what makes it pass. */
export interface UnblockStep {
  gateId: string;
  checkId: string;
  title: string;
  gateTitle: string;
  /** What makes it pass, in words. */
  todo: string;
}

/**
 * What would unblock the gate asked about, in order: its root causes, gate by gate in dependency order, each with
 * what makes it pass (a passing result from CI, a first result, or a person's sign-off).
 */
export function unblockSteps(
  track: Track,
  evaluation: TrackEvaluation,
  target: string | undefined,
): UnblockStep[] {
  const result = evaluation.gates.find(g => g.gateId === target);
  if (!result) return [];
  const order = track.spec.gates.map(g => g.id);
  return [...result.rootCauses]
    .sort((a, b) => order.indexOf(a.gateId) - order.indexOf(b.gateId))
    .map(cause => {
      const gate = track.spec.gates.find(g => g.id === cause.gateId);
      const check = gate?.checks.find(c => c.id === cause.checkId);
      let todo: string;
      if (check?.manual) todo = 'needs a sign-off (Attest, below)';
      else if (cause.status === 'unknown')
        todo = 'needs a first result from CI';
      else todo = 'needs a passing result from CI';
      return {
        gateId: cause.gateId,
        checkId: cause.checkId,
        title: check?.title ?? cause.checkId,
        gateTitle: gate?.title ?? cause.gateId,
        todo,
      };
    });
}
