import { Entity } from '@backstage/catalog-model';
import {
  CheckStatus,
  GateStatus,
  ownerRefOf,
  PreviewCheckImpact,
  PreviewCount,
  PreviewEntityChange,
  PreviewGateImpact,
  PreviewImpact,
  TrackGate,
  TrackPreview,
} from '@readiness-io/plugin-readiness-common';
import { EvaluationInput } from '../scorecards/evaluation/compiledTrack';
import { rootCausesByGate } from '../scorecards/evaluation/rootCauses';
import {
  checkStatusCodes,
  gateStatusCodes,
} from '../scorecards/evaluation/statusEvaluator';
import { LoadedTrack } from '../scorecards/tracks/TrackRegistry';

/** One entity either track applies to, with the input of each track that does. */
export interface PreviewSubject {
  entity: Entity;
  entityRef: string;
  before?: EvaluationInput;
  after?: EvaluationInput;
}

type Readiness = PreviewEntityChange['before'];

/** Statuses of one entity on one track, looked up by gate id and by `gateId/checkId`. */
interface Statuses {
  gate(gateId: string): GateStatus | undefined;
  check(key: string): string | undefined;
  readiness: Readiness;
  /** The `gateId/checkId` of every failing or unmeasured check that holds a gate back (computed when asked). */
  rootCauses(): Set<string>;
}

const HOLDS_BACK = new Set(['failed', 'blocked', 'unknown']);
const QUIET = new Set(['passed', 'not-applicable']);

/** Where each gate and check of a track sits in its status vector; computed once per track. */
interface TrackLayout {
  gates: Map<string, number>;
  checks: Map<string, number>;
}

function layoutOf(track: LoadedTrack): TrackLayout {
  const gates = new Map<string, number>();
  const checks = new Map<string, number>();
  let c = 0;
  track.track.spec.gates.forEach((gate, g) => {
    gates.set(gate.id, g);
    for (const check of gate.checks) checks.set(`${gate.id}/${check.id}`, c++);
  });
  return { gates, checks };
}

const G_FAILED = gateStatusCodes.indexOf('failed');
const G_UNKNOWN = gateStatusCodes.indexOf('unknown');
const G_BLOCKED = gateStatusCodes.indexOf('blocked');

/** One entity's statuses on one track, straight from the status vector (no per-entity maps: 10,000s of them). */
function statusesOf(
  track: LoadedTrack | undefined,
  layout: TrackLayout | undefined,
  input: EvaluationInput | undefined,
): Statuses | undefined {
  if (!track || !layout || !input) return undefined;
  const vector = track.statuses(input);
  let readiness: Readiness = 'passed';
  if (vector.gates.includes(G_FAILED)) readiness = 'failed';
  else if (vector.gates.includes(G_UNKNOWN)) readiness = 'unknown';
  else if (vector.gates.includes(G_BLOCKED)) readiness = 'blocked';
  const gate = (gateId: string) => {
    const g = layout.gates.get(gateId);
    return g === undefined ? undefined : gateStatusCodes[vector.gates[g]];
  };
  const check = (key: string) => {
    const c = layout.checks.get(key);
    return c === undefined ? undefined : checkStatusCodes[vector.checks[c]];
  };
  return {
    gate,
    check,
    readiness,
    rootCauses() {
      const causes = new Set<string>();
      if (readiness === 'passed') return causes;
      for (const { rootCauses } of rootCausesByGate(
        track.track.spec.gates,
        track.order,
        gate,
        (gateId, checkId) => check(`${gateId}/${checkId}`),
      ).values()) {
        for (const cause of rootCauses) {
          causes.add(`${cause.gateId}/${cause.checkId}`);
        }
      }
      return causes;
    },
  };
}

/** Counts entities by owner, most first (then by owner). */
class Counter {
  private readonly owners = new Map<string, number>();
  total = 0;
  add(owner: string) {
    this.total++;
    this.owners.set(owner, (this.owners.get(owner) ?? 0) + 1);
  }
  toJSON(): PreviewCount {
    return {
      total: this.total,
      byOwner: [...this.owners.entries()]
        .map(([owner, count]) => ({ owner, count }))
        .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    };
  }
}

class ImpactCounter {
  readonly newlyFailing = new Counter();
  readonly newlyPassing = new Counter();
  readonly newlyBlocked = new Counter();
  readonly newlyNotMeasured = new Counter();

  /** Counts one entity's change of one gate or check; true when it counted as a change. */
  count(
    before: string | undefined,
    after: string | undefined,
    owner: string,
    codes: { fail: string; pass: string; blocked: string; unknown: string },
  ): boolean {
    if (after === undefined || before === after) return false;
    if (after === codes.fail) this.newlyFailing.add(owner);
    else if (after === codes.blocked) this.newlyBlocked.add(owner);
    else if (after === codes.unknown) this.newlyNotMeasured.add(owner);
    else if (after === codes.pass && before !== undefined) {
      // Something that did not exist before and passes changes nothing for the entity.
      this.newlyPassing.add(owner);
    } else return false;
    return true;
  }

  get total() {
    return (
      this.newlyFailing.total +
      this.newlyPassing.total +
      this.newlyBlocked.total +
      this.newlyNotMeasured.total
    );
  }

  toJSON(): PreviewImpact {
    return {
      newlyFailing: this.newlyFailing.toJSON(),
      newlyPassing: this.newlyPassing.toJSON(),
      newlyBlocked: this.newlyBlocked.toJSON(),
      newlyNotMeasured: this.newlyNotMeasured.toJSON(),
    };
  }
}

const GATE_CODES = {
  fail: 'failed',
  pass: 'passed',
  blocked: 'blocked',
  unknown: 'unknown',
};
const CHECK_CODES = {
  fail: 'fail',
  pass: 'pass',
  blocked: 'blocked',
  unknown: 'unknown',
};

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

function definitionChange(
  before: unknown,
  after: unknown,
): PreviewGateImpact['definition'] {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return same(before, after) ? 'unchanged' : 'changed';
}

/**
 * The difference a proposed track makes: evaluates the current (`before`, absent for a new track) and the proposed
 * track (`after`) for every subject, statuses only, and compares them gate by gate and check by check. Pure: the
 * caller gathers the inputs.
 */
export function diffTracks(options: {
  before?: LoadedTrack;
  after: LoadedTrack;
  subjects: PreviewSubject[];
  entityLimit: number;
}): Pick<
  TrackPreview,
  | 'entitiesEvaluated'
  | 'kinds'
  | 'entitiesChanged'
  | 'entitiesNewlyFailing'
  | 'readiness'
  | 'gates'
  | 'checks'
  | 'entities'
> {
  const { before, after, subjects } = options;
  const beforeGates = new Map<string, TrackGate>(
    (before?.track.spec.gates ?? []).map(g => [g.id, g]),
  );
  const afterGates = new Map<string, TrackGate>(
    after.track.spec.gates.map(g => [g.id, g]),
  );
  // Gates in the proposed order, then the removed ones.
  const gateIds = [
    ...afterGates.keys(),
    ...[...beforeGates.keys()].filter(id => !afterGates.has(id)),
  ];
  const gateOf = (id: string) => afterGates.get(id) ?? beforeGates.get(id)!;
  const checkKeys: Array<{ gateId: string; checkId: string }> = [];
  for (const gateId of gateIds) {
    const ids = new Set<string>();
    for (const g of [afterGates.get(gateId), beforeGates.get(gateId)]) {
      for (const c of g?.checks ?? []) ids.add(c.id);
    }
    for (const checkId of ids) checkKeys.push({ gateId, checkId });
  }
  const checkDef = (
    gates: Map<string, TrackGate>,
    gateId: string,
    id: string,
  ) => gates.get(gateId)?.checks.find(c => c.id === id);
  const checkTitle = (gateId: string, id: string) =>
    (checkDef(afterGates, gateId, id) ?? checkDef(beforeGates, gateId, id))!
      .title;

  const gateImpact = new Map(gateIds.map(id => [id, new ImpactCounter()]));
  const heldBack = new Map<string, number>();
  const checkImpact = new Map(
    checkKeys.map(k => [`${k.gateId}/${k.checkId}`, new ImpactCounter()]),
  );
  const newlyReady = new Counter();
  const newlyNotReady = new Counter();
  let newlyFailing = 0;
  const changed: Array<PreviewEntityChange & { weight: number }> = [];

  const beforeLayout = before && layoutOf(before);
  const afterLayout = layoutOf(after);
  const checkKeyOf = checkKeys.map(k => `${k.gateId}/${k.checkId}`);
  for (const subject of subjects) {
    const b = statusesOf(before, beforeLayout, subject.before);
    const a = statusesOf(after, afterLayout, subject.after);
    if (!a && !b) continue;
    const owner = ownerRefOf(subject.entity) ?? '';
    const gates: PreviewEntityChange['gates'] = [];
    let counted = false;
    let worse = false;
    for (const gateId of gateIds) {
      const gb = b?.gate(gateId);
      const ga = a?.gate(gateId);
      if (gateImpact.get(gateId)!.count(gb, ga, owner, GATE_CODES)) {
        counted = true;
        if (ga !== 'passed') worse = true;
      }
      if (ga === undefined && gb !== undefined && HOLDS_BACK.has(gb)) {
        heldBack.set(gateId, (heldBack.get(gateId) ?? 0) + 1);
      }
      const quiet = (s: string | undefined) => s === undefined || QUIET.has(s);
      if (gb !== ga && !(quiet(gb) && quiet(ga) && (!gb || !ga))) {
        gates.push({
          gateId,
          title: gateOf(gateId).title,
          ...(gb ? { before: gb } : {}),
          ...(ga ? { after: ga } : {}),
        });
      }
    }
    const checks: PreviewEntityChange['checks'] = [];
    for (let k = 0; k < checkKeys.length; k++) {
      const { gateId, checkId } = checkKeys[k];
      const key = checkKeyOf[k];
      const cb = b?.check(key) as CheckStatus | undefined;
      const ca = a?.check(key) as CheckStatus | undefined;
      if (
        checkImpact.get(key)!.count(cb, ca, owner, CHECK_CODES) &&
        // A check newly blocked says no more than its gate's change does.
        ca !== 'blocked'
      ) {
        counted = true;
        checks.push({
          gateId,
          checkId,
          title: checkTitle(gateId, checkId),
          ...(cb ? { before: cb } : {}),
          ...(ca ? { after: ca } : {}),
        });
      }
    }
    const rb: Readiness = b?.readiness ?? 'not-applicable';
    const ra: Readiness = a?.readiness ?? 'not-applicable';
    const wasReady = rb === 'passed' || rb === 'not-applicable';
    if (wasReady && HOLDS_BACK.has(ra)) newlyNotReady.add(owner);
    if (ra === 'passed' && HOLDS_BACK.has(rb)) newlyReady.add(owner);
    const readinessChanged = rb !== ra && !(QUIET.has(rb) && QUIET.has(ra));
    if (!counted && gates.length === 0 && !readinessChanged) continue;
    if (worse) newlyFailing++;
    const causesBefore = b?.rootCauses();
    const newRootCauses = [...(a?.rootCauses() ?? [])]
      .filter(key => !causesBefore?.has(key))
      .map(key => {
        const [gateId, checkId] = key.split('/');
        const gate = afterGates.get(gateId)!;
        return {
          gateId,
          checkId,
          title: gate.checks.find(c => c.id === checkId)?.title ?? checkId,
          gateTitle: gate.title,
          status: a!.check(key) as 'fail' | 'unknown',
        };
      });
    changed.push({
      entityRef: subject.entityRef,
      kind: subject.entity.kind,
      ...(subject.entity.metadata.title
        ? { title: subject.entity.metadata.title }
        : {}),
      ...(owner ? { owner } : {}),
      before: rb,
      after: ra,
      gates,
      checks,
      newRootCauses,
      // Most affected first: newly not ready, then by how many gates and causes changed.
      weight:
        (wasReady && HOLDS_BACK.has(ra) ? 1000 : 0) +
        gates.length * 10 +
        newRootCauses.length,
    });
  }
  changed.sort(
    (x, y) =>
      y.weight - x.weight ||
      (x.title ?? x.entityRef).localeCompare(y.title ?? y.entityRef),
  );

  const evaluated = subjects.filter(s => s.before || s.after);
  const checks: PreviewCheckImpact[] = checkKeys
    .map(({ gateId, checkId }) => {
      const impact = checkImpact.get(`${gateId}/${checkId}`)!;
      const def = checkDef(afterGates, gateId, checkId);
      const old = checkDef(beforeGates, gateId, checkId);
      return {
        gateId,
        checkId,
        title: (def ?? old)!.title,
        gateTitle: gateOf(gateId).title,
        definition: definitionChange(old, def),
        impact,
      };
    })
    .filter(c => c.definition !== 'unchanged' || c.impact.total > 0)
    .sort(
      (x, y) =>
        y.impact.newlyFailing.total +
          y.impact.newlyNotMeasured.total -
          (x.impact.newlyFailing.total + x.impact.newlyNotMeasured.total) ||
        y.impact.total - x.impact.total,
    )
    .map(c => ({ ...c, impact: c.impact.toJSON() }));

  return {
    entitiesEvaluated: evaluated.length,
    kinds: [...new Set(evaluated.map(s => s.entity.kind))].sort(),
    entitiesChanged: changed.length,
    entitiesNewlyFailing: newlyFailing,
    readiness: {
      newlyReady: newlyReady.toJSON(),
      newlyNotReady: newlyNotReady.toJSON(),
    },
    gates: gateIds.map(gateId => {
      const b = beforeGates.get(gateId);
      const a = afterGates.get(gateId);
      const definition = definitionChange(
        b && { ...b, checks: b.checks.map(c => c.id) },
        a && { ...a, checks: a.checks.map(c => c.id) },
      );
      return {
        gateId,
        title: gateOf(gateId).title,
        definition:
          definition === 'unchanged' && b && a && !same(b.checks, a.checks)
            ? 'changed'
            : definition,
        impact: gateImpact.get(gateId)!.toJSON(),
        ...(definition === 'removed'
          ? { heldBack: heldBack.get(gateId) ?? 0 }
          : {}),
      };
    }),
    checks,
    entities: changed
      .slice(0, options.entityLimit)
      .map(({ weight: _weight, ...entity }) => entity),
  };
}
