import {
  Campaign,
  CampaignBlocker,
  CampaignCounts,
  CampaignEntity,
  CampaignEntityState,
  describeCheckStatus,
  GateStatus,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { rootCausesByGate } from '../scorecards/evaluation/rootCauses';
import { LoadedTrack } from '../scorecards/tracks/TrackRegistry';
import { CampaignDefinition } from './parseCampaign';

/** An entity in a campaign's scope, as the progress needs it. */
export interface ScopedEntity {
  entityRef: string;
  title?: string;
  owner?: string;
}

/** The campaign as the API shows it, with its status on a day. */
export function campaignOf(
  def: CampaignDefinition,
  track: LoadedTrack | undefined,
  today: string,
): Campaign {
  let status: Campaign['status'] = 'in-progress';
  if (def.draft) status = 'draft';
  else if (today < def.startDate) status = 'scheduled';
  else if (today > def.targetDate) status = 'ended';
  const trackTitle = track?.track.metadata.title ?? def.target.trackId;
  const gate = track?.track.spec.gates.find(g => g.id === def.target.gateId);
  const checks = def.target.checks ?? [];
  return {
    id: def.id,
    title: def.title,
    ...(def.description ? { description: def.description } : {}),
    owner: def.owner,
    ...(def.documentation ? { documentation: def.documentation } : {}),
    status,
    startDate: def.startDate,
    targetDate: def.targetDate,
    target: {
      ...def.target,
      title: def.target.gateId
        ? `“${gate?.title ?? def.target.gateId}” passes in ${trackTitle}`
        : `${
            checks.length === 1 ? 'One check' : `${checks.length} checks`
          } of ${trackTitle} pass`,
    },
    milestones: def.milestones,
    source: def.source,
  };
}

export const noCounts = (): CampaignCounts => ({
  total: 0,
  done: 0,
  notDone: 0,
  notMeasured: 0,
  exempt: 0,
});

const COUNT_KEY: Record<CampaignEntityState, keyof CampaignCounts> = {
  done: 'done',
  'not-done': 'notDone',
  'not-measured': 'notMeasured',
  exempt: 'exempt',
};

/** Adds one entity's state to counts. */
export function count(counts: CampaignCounts, state: CampaignEntityState) {
  counts.total++;
  counts[COUNT_KEY[state]]++;
}

const PASSING_CHECK = new Set(['pass', 'waived', 'not-applicable']);
const PASSING_GATE = new Set(['passed', 'not-applicable']);

/**
 * Where one entity stands: exempt (an approved, unexpired, unrevoked campaign waiver), not measured (no stored
 * result of the track), done (the gate passed or does not apply to it; or every named check passes, is waived or
 * does not apply) or not done — with what it still needs, in words: the root causes of the gate (the failing or
 * unmeasured checks at the bottom of its dependency chain), or the named checks that do not pass.
 */
export function standing(
  def: CampaignDefinition,
  track: LoadedTrack,
  entity: ScopedEntity,
  statuses: Record<string, string> | undefined,
  exemption: Waiver | undefined,
): CampaignEntity {
  const base = {
    entityRef: entity.entityRef,
    ...(entity.title ? { title: entity.title } : {}),
    ...(entity.owner ? { owner: entity.owner } : {}),
  };
  if (exemption) return { ...base, state: 'exempt', needs: [], exemption };
  if (!statuses)
    return {
      ...base,
      state: 'not-measured',
      needs: ['Not evaluated yet: it has no stored result of this track.'],
    };
  const gates = track.track.spec.gates;
  const gateOf = (id: string) => gates.find(g => g.id === id)!;
  const causes = () =>
    rootCausesByGate(
      gates,
      track.order,
      id => statuses[`${id}/`] as GateStatus | undefined,
      (g, c) => statuses[`${g}/${c}`],
    );
  const sentence = (gateId: string, checkId: string, status: string) => {
    const gate = gateOf(gateId);
    return describeCheckStatus(
      gate.checks.find(c => c.id === checkId) ?? { title: checkId },
      gate,
      status,
    );
  };
  const needs: string[] = [];
  const add = (s: string) => {
    if (!needs.includes(s)) needs.push(s);
  };
  if (def.target.gateId) {
    const gateId = def.target.gateId;
    if (PASSING_GATE.has(statuses[`${gateId}/`] ?? ''))
      return { ...base, state: 'done', needs: [] };
    for (const rc of causes().get(gateId)?.rootCauses ?? [])
      add(sentence(rc.gateId, rc.checkId, rc.status));
    if (needs.length === 0)
      add(`“${gateOf(gateId).title}” has not passed yet.`);
  } else {
    const byGate = causes();
    for (const { gateId, checkId } of def.target.checks ?? []) {
      const status = statuses[`${gateId}/${checkId}`];
      if (PASSING_CHECK.has(status ?? '')) continue;
      if (status === 'blocked') {
        // Waiting for earlier gates: what it waits for is what it needs.
        for (const rc of byGate.get(gateId)?.rootCauses ?? [])
          add(sentence(rc.gateId, rc.checkId, rc.status));
      }
      add(sentence(gateId, checkId, status ?? 'unknown'));
    }
    if (needs.length === 0) return { ...base, state: 'done', needs: [] };
  }
  return { ...base, state: 'not-done', needs };
}

/** The counts of entities by state, overall and per owner (the owner's ref; '' when none). */
export function tally(entities: CampaignEntity[]) {
  const progress = noCounts();
  const teams = new Map<string, CampaignCounts>();
  for (const e of entities) {
    count(progress, e.state);
    const owner = e.owner ?? '';
    const team = teams.get(owner) ?? noCounts();
    count(team, e.state);
    teams.set(owner, team);
  }
  return { progress, teams };
}

/**
 * What holds back the most entities not done, most first: each sentence of their needs, counted once per entity.
 * Of blockers behind as many entities, the one earlier in the track comes first (needs are listed in the track's
 * dependency order: the root of a chain before what waits for it).
 */
export function topBlockers(
  entities: CampaignEntity[],
  limit = 5,
): CampaignBlocker[] {
  const counts = new Map<string, { n: number; position: number }>();
  for (const e of entities)
    if (e.state === 'not-done')
      e.needs.forEach((need, position) => {
        const c = counts.get(need) ?? { n: 0, position };
        counts.set(need, {
          n: c.n + 1,
          position: Math.min(c.position, position),
        });
      });
  return [...counts.entries()]
    .sort(([, a], [, b]) => b.n - a.n || a.position - b.position)
    .slice(0, limit)
    .map(([summary, c]) => ({ summary, entities: c.n }));
}
