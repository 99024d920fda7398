import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CampaignDetail,
  CampaignEntity,
  CampaignList,
  CampaignReminder,
  CampaignSummary,
  EntityCampaigns,
  entityRefKey,
  formatDate,
  ownerRefOf,
  refDisplayName,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { trackAppliesTo } from '../scorecards/evaluation/compiledTrack';
import { ResultStore } from '../scorecards/results/ResultStore';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { WaiverStore } from '../scorecards/waivers/WaiverStore';
import { WaiverService } from '../scorecards/waivers/WaiverService';
import { CampaignRegistry } from './CampaignRegistry';
import { CampaignStore } from './CampaignStore';
import { dayOf, forecast, ProgressPoint } from './forecast';
import { CampaignDefinition } from './parseCampaign';
import {
  campaignOf,
  ScopedEntity,
  standing,
  tally,
  topBlockers,
} from './progress';
import { dueReminders } from './reminders';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** Too soon after the last nudge of a campaign: answered with 429 and Retry-After. */
export class TooManyNudgesError extends Error {
  readonly name = 'TooManyNudgesError';
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** What one computation of a campaign gives: the campaign, each entity in scope, the counts. */
interface Computed {
  def: CampaignDefinition;
  summary: CampaignSummary;
  entities: CampaignEntity[];
  teams: ReturnType<typeof tally>['teams'];
  history: Array<ProgressPoint & TeamPoints>;
}

/**
 * Campaigns from the stored results of the last evaluation: which entities are in scope (the include filters, the
 * target track applies, not excluded; those the caller may see), where each stands, progress by team and over time
 * (daily snapshots, recorded on a schedule), the forecast, reminders to the owners behind, and exemptions
 * (waivers scoped to a campaign).
 */
export class CampaignService {
  static create(deps: {
    campaigns: CampaignRegistry;
    tracks: TrackRegistry;
    catalog: EntityCatalog;
    results: ResultStore;
    waiverStore: WaiverStore;
    waivers: WaiverService;
    store: CampaignStore;
    notifications: NotificationService;
    userInfo: UserInfoService;
    logger: LoggerService;
    nudgeIntervalMs: number;
    now?: () => Date;
  }) {
    return new CampaignService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof CampaignService.create>[0],
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private definition(id: string): CampaignDefinition {
    const def = this.deps.campaigns.get(id);
    if (!def) throw new NotFoundError(`No campaign '${id}'`);
    return def;
  }

  /**
   * Every campaign with its progress and forecast. A campaign in progress whose progress was recorded today (after
   * each evaluation pass and on the campaigns' schedule) answers from that record — one query, however many entities
   * it spans (`progressAsOf` says when); an ended one from its last record. Otherwise it is computed now, with what
   * the caller may see. Recorded progress counts every entity the backend sees: numbers only, never which.
   */
  async list(credentials: BackstageCredentials): Promise<CampaignList> {
    const items = [];
    const today = dayOf(this.now());
    for (const def of this.deps.campaigns.list()) {
      const snapshots = await this.deps.store.history(def.id);
      const last = snapshots[snapshots.length - 1];
      const track = this.deps.tracks.get(def.target.trackId);
      const campaign = campaignOf(def, track, today);
      const stored =
        last &&
        ((campaign.status === 'in-progress' && last.day === today) ||
          campaign.status === 'ended');
      if (!stored) {
        items.push((await this.compute(def, credentials)).summary);
        continue;
      }
      items.push({
        campaign,
        progress: last.progress,
        forecast: forecast(
          snapshots.map(s => ({ day: s.day, ...s.progress })),
          def.targetDate,
          campaign.status === 'ended' ? last.day : today,
        ),
        ...(last.recordedAt ? { progressAsOf: last.recordedAt } : {}),
      });
    }
    return { items, problems: this.deps.campaigns.problems() };
  }

  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<CampaignDetail> {
    const computed = await this.compute(this.definition(id), credentials);
    const today = dayOf(this.now());
    // A team's own burn-up: the days it was recorded (not the campaign's totals on the days it was not).
    const teamHistory = (owner: string): ProgressPoint[] =>
      computed.history.flatMap(p => {
        const team = p.teams?.[owner];
        return team
          ? [
              {
                day: p.day,
                total: team.total,
                done: team.done,
                exempt: team.exempt,
              },
            ]
          : [];
      });
    const teams = [...computed.teams.entries()]
      .filter(([owner]) => owner)
      .map(([owner, progress]) => ({
        owner,
        progress,
        forecast: forecast(teamHistory(owner), computed.def.targetDate, today),
      }))
      .sort(
        (a, b) =>
          Number(b.forecast.status === 'at-risk') -
            Number(a.forecast.status === 'at-risk') ||
          b.progress.notDone - a.progress.notDone ||
          a.owner.localeCompare(b.owner),
      );
    const order = { 'not-done': 0, 'not-measured': 1, exempt: 2, done: 3 };
    return {
      ...computed.summary,
      history: computed.history.map(({ day, total, done, exempt }) => ({
        day,
        total,
        done,
        exempt,
      })),
      teams,
      entities: [...computed.entities].sort(
        (a, b) =>
          order[a.state] - order[b.state] ||
          a.entityRef.localeCompare(b.entityRef),
      ),
      topBlockers: topBlockers(computed.entities),
    };
  }

  /** The campaigns an entity is in (scope and visibility as for the campaign), with where it stands. */
  async forEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityCampaigns> {
    const entity = await this.deps.catalog.getEntity(entityRef, credentials);
    const ref = entityRefKey(entity);
    const items: EntityCampaigns['items'] = [];
    const today = dayOf(this.now());
    const campaigns = this.deps.campaigns
      .list()
      .filter(def => this.inScope(def, entity));
    if (campaigns.length === 0) return { items };
    const [vectors, waivers] = await Promise.all([
      this.deps.results.currentMany([ref]),
      this.deps.waiverStore.listForEntities([ref]),
    ]);
    for (const def of campaigns) {
      const track = this.deps.tracks.get(def.target.trackId)!;
      const exemptions = this.exemptionsOf(def, waivers);
      const mine = standing(
        def,
        track,
        scoped(entity),
        vectors.get(ref)?.find(v => v.trackId === def.target.trackId)?.statuses,
        exemptions.active.get(ref),
      );
      items.push({
        campaign: campaignOf(def, track, today),
        state: mine.state,
        needs: mine.needs,
      });
    }
    return { items };
  }

  /** Asks to exempt an entity in scope from a campaign (a waiver scoped to it, pending approval). */
  async requestExemption(
    id: string,
    request: { entityRef: string; reason: string; expiresAt: string },
    credentials: UserCredentials,
  ): Promise<Waiver> {
    const def = this.definition(id);
    const entity = await this.deps.catalog.getEntity(
      request.entityRef,
      credentials,
    );
    if (!this.inScope(def, entity))
      throw new InputError(
        `entityRef: ${refDisplayName(
          entityRefKey(entity),
        )} is not in the scope of the campaign '${def.title}'`,
      );
    return this.deps.waivers.requestCampaignExemption(
      {
        entityRef: entityRefKey(entity),
        campaignId: def.id,
        trackId: def.target.trackId,
        gateId: def.target.gateId ?? '',
        reason: request.reason,
        expiresAt: request.expiresAt,
      },
      credentials,
    );
  }

  /**
   * Sends a reminder now to the owners behind: only the campaign's owner (the user, or a member of the group, it
   * names) may, at most once per campaign per `nudgeIntervalMs`, across replicas.
   */
  async nudge(
    id: string,
    credentials: UserCredentials,
  ): Promise<CampaignReminder> {
    const def = this.definition(id);
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const mine = [info.userEntityRef, ...info.ownershipEntityRefs].map(r =>
      r.toLocaleLowerCase('en-US'),
    );
    if (!mine.includes(def.owner))
      throw new NotAllowedError(
        `Only the owner of the campaign '${def.title}' (${refDisplayName(
          def.owner,
        )}) may remind the teams behind`,
      );
    const now = this.now();
    const computed = await this.compute(def, credentials);
    const status = computed.summary.campaign.status;
    if (status !== 'in-progress')
      throw new InputError(
        `campaign '${def.title}' is ${status.replace(
          '-',
          ' ',
        )}: only a campaign in progress can be nudged`,
      );
    const claimed = await this.deps.store.claimNudge(
      def.id,
      now,
      this.deps.nudgeIntervalMs,
      credentials.principal.userEntityRef,
    );
    if (claimed !== true) {
      const wait = Math.max(
        1,
        Math.ceil(
          (claimed.lastAt.getTime() +
            this.deps.nudgeIntervalMs -
            now.getTime()) /
            1000,
        ),
      );
      throw new TooManyNudgesError(
        `campaign '${
          def.title
        }' was nudged at ${claimed.lastAt.toISOString()}; the next nudge is possible in ${wait} s`,
        wait,
      );
    }
    return this.remind(computed, ownersBehind(computed.entities), 'nudge');
  }

  /**
   * Records today's progress of every campaign that has started (one snapshot per day; a later run of the same
   * day replaces it), with what the service may see.
   */
  async recordProgress(): Promise<number> {
    const credentials = await this.deps.catalog.serviceCredentials();
    const today = dayOf(this.now());
    let recorded = 0;
    for (const def of this.deps.campaigns.list()) {
      if (def.draft || today < def.startDate || today > def.targetDate)
        continue;
      const computed = await this.compute(def, credentials);
      await this.deps.store.saveSnapshot({
        campaignId: def.id,
        day: today,
        progress: computed.summary.progress,
        teams: Object.fromEntries(
          [...computed.teams.entries()].filter(([owner]) => owner),
        ),
      });
      recorded++;
    }
    return recorded;
  }

  /** Sends the reminders due today (weekly digest, days before the target date), each once across replicas. */
  async sendDueReminders(): Promise<CampaignReminder[]> {
    const credentials = await this.deps.catalog.serviceCredentials();
    const today = dayOf(this.now());
    const sent: CampaignReminder[] = [];
    for (const def of this.deps.campaigns.list()) {
      const kinds = dueReminders(def, today);
      if (kinds.length === 0) continue;
      const computed = await this.compute(def, credentials);
      const owners = ownersBehind(computed.entities);
      if (owners.size === 0) continue;
      for (const kind of kinds) {
        if (
          await this.deps.store.claimReminder(def.id, kind, today, [
            ...owners.keys(),
          ])
        )
          sent.push(await this.remind(computed, owners, kind));
      }
    }
    return sent;
  }

  /** One notification per owner behind: their entities not done and what each needs. */
  private async remind(
    computed: Computed,
    owners: Map<string, CampaignEntity[]>,
    kind: string,
  ): Promise<CampaignReminder> {
    const { def, summary } = computed;
    const due = formatDate(`${def.targetDate}T12:00:00Z`);
    const intro = introOf(kind);
    for (const [owner, entities] of owners) {
      const lines = entities.map(
        e =>
          `${e.title ?? refDisplayName(e.entityRef)}: ${
            e.needs[0] ?? 'not done yet.'
          }${e.needs.length > 1 ? ` Also ${e.needs.length - 1} more.` : ''}`,
      );
      try {
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: `${def.title}: ${
              entities.length === 1
                ? 'one of your entities is'
                : `${entities.length} of your entities are`
            } not done; due ${due}`,
            description: [intro, summary.forecast.summary, ...lines].join('\n'),
            link: `/readiness/campaigns/${def.id}`,
            severity: summary.forecast.status === 'at-risk' ? 'high' : 'normal',
            topic: `readiness-campaign-${def.id}`,
          },
        });
      } catch (error) {
        this.deps.logger.warn(
          `Could not remind ${owner} of the campaign ${def.id}: ${error}`,
        );
      }
    }
    return {
      campaignId: def.id,
      kind,
      recipients: [...owners.keys()],
      entities: [...owners.values()].reduce((n, e) => n + e.length, 0),
    };
  }

  private inScope(def: CampaignDefinition, entity: Entity) {
    const track = this.deps.tracks.get(def.target.trackId);
    return Boolean(
      track &&
        trackAppliesTo(def.include, entity) &&
        trackAppliesTo(track.track.spec.appliesTo, entity) &&
        !def.exclude.includes(entityRefKey(entity)),
    );
  }

  /**
   * This campaign's unexpired, unrevoked waivers by entity: the approved ones (exemptions that count) and the
   * newest pending request of each entity (shown so someone else can approve it).
   */
  private async exemptions(def: CampaignDefinition, refs: string[]) {
    return this.exemptionsOf(
      def,
      await this.deps.waiverStore.listForEntities(refs),
    );
  }

  private exemptionsOf(def: CampaignDefinition, all: Waiver[]) {
    const now = this.now().getTime();
    const active = new Map<string, Waiver>();
    const pending = new Map<string, Waiver>();
    for (const w of all) {
      if (
        w.campaignId !== def.id ||
        w.revokedBy ||
        new Date(w.expiresAt).getTime() <= now
      )
        continue;
      if (w.approvedBy) active.set(w.entityRef, w);
      else if (!pending.has(w.entityRef)) pending.set(w.entityRef, w);
    }
    return { active, pending };
  }

  private async compute(
    def: CampaignDefinition,
    credentials: BackstageCredentials,
  ): Promise<Computed> {
    const now = this.now();
    const today = dayOf(now);
    const track = this.deps.tracks.get(def.target.trackId)!;
    // The include filters go to the catalog (what the caller may see of them); the track must apply too.
    const candidates = await this.deps.catalog.queryEntities(
      def.include as Record<string, string | string[]>[],
      credentials,
    );
    const inScope = candidates.filter(e => this.inScope(def, e));
    const refs = inScope.map(e => entityRefKey(e));
    const [vectors, exemptions, snapshots] = await Promise.all([
      this.deps.results.currentMany(refs),
      this.exemptions(def, refs),
      this.deps.store.history(def.id),
    ]);
    const entities = inScope.map((entity, i) => {
      const one = standing(
        def,
        track,
        scoped(entity),
        vectors.get(refs[i])?.find(v => v.trackId === def.target.trackId)
          ?.statuses,
        exemptions.active.get(refs[i]),
      );
      const asked = exemptions.pending.get(refs[i]);
      return one.state !== 'exempt' && asked
        ? { ...one, exemption: asked }
        : one;
    });
    const { progress, teams } = tally(entities);
    // The stored days, and today as it stands now.
    const history: Array<ProgressPoint & TeamPoints> = [
      ...snapshots
        .filter(s => s.day < today)
        .map(s => ({
          day: s.day,
          total: s.progress.total,
          done: s.progress.done,
          exempt: s.progress.exempt,
          teams: s.teams,
        })),
      {
        day: today,
        total: progress.total,
        done: progress.done,
        exempt: progress.exempt,
        teams: Object.fromEntries(teams),
      },
    ];
    return {
      def,
      summary: {
        campaign: campaignOf(def, track, today),
        progress,
        forecast: forecast(history, def.targetDate, today),
      },
      entities,
      teams,
      history,
    };
  }
}

type TeamPoints = {
  teams?: Record<string, { total: number; done: number; exempt: number }>;
};

function scoped(entity: Entity): ScopedEntity {
  const owner = ownerRefOf(entity);
  return {
    entityRef: entityRefKey(entity),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(owner ? { owner } : {}),
  };
}

/** The first line of a reminder: why it comes now. */
function introOf(kind: string): string {
  if (kind === 'nudge') return 'A reminder from the campaign owner.';
  if (kind === 'digest') return 'Weekly digest.';
  const days = Number(kind.replace('deadline-', ''));
  if (days === 0) return 'The target date is today.';
  return `${days} day${days === 1 ? '' : 's'} before the target date.`;
}

/** The owners of the entities not done (or not measured), each with theirs. */
function ownersBehind(entities: CampaignEntity[]) {
  const owners = new Map<string, CampaignEntity[]>();
  for (const e of entities)
    if ((e.state === 'not-done' || e.state === 'not-measured') && e.owner)
      owners.set(e.owner, [...(owners.get(e.owner) ?? []), e]);
  return owners;
}
