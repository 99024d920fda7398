import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  isUserEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityCatalog } from '../catalog/EntityCatalog';
import {
  entityRefKey,
  Escalation,
  OnCallShift,
  OnCallSummary,
  OnCallTarget,
} from '@readiness-io/plugin-readiness-common';
import { OnCallProvider } from '@readiness-io/plugin-readiness-node';
import { EscalationStore } from './EscalationStore';
import { ReadinessMetrics } from '../service/ReadinessMetrics';

const HOUR = 3_600_000;
const HORIZON = 14 * 24 * HOUR;

/** Too many escalations from one person: answered with 429 and Retry-After. */
export class TooManyEscalationsError extends Error {
  readonly name = 'TooManyEscalationsError';
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

export interface EscalationRateLimit {
  max: number;
  windowMinutes: number;
}

/**
 * On-call across providers: the first provider that supports an entity answers for it. Summaries (now, next,
 * levels, uncovered hours) and escalations (recorded, rate limited per person, sent through the provider).
 */
export class OnCallService {
  constructor(
    private readonly deps: {
      providers: OnCallProvider[];
      store: EscalationStore;
      catalog: EntityCatalog;
      logger: LoggerService;
      rateLimit: EscalationRateLimit;
      now?: () => Date;
      metrics?: ReadinessMetrics;
    },
  ) {}

  private now() {
    return (this.deps.now ?? (() => new Date()))();
  }

  providerFor(entity: Entity): OnCallProvider | undefined {
    return this.deps.providers.find(p => p.supports(entity));
  }

  /** The entity's shifts over the next 14 days, or undefined when no provider supports it. */
  async coverage(entity: Entity) {
    const provider = this.providerFor(entity);
    if (!provider) return undefined;
    const from = this.now();
    const to = new Date(from.getTime() + HORIZON);
    const [shifts, levels] = await Promise.all([
      provider.getShifts(entity, { from, to }),
      provider.getEscalationLevels(entity),
    ]);
    const covered = shifts.reduce(
      (sum, s) =>
        sum +
        Math.max(
          0,
          Math.min(Date.parse(s.end), to.getTime()) -
            Math.max(Date.parse(s.start), from.getTime()),
        ),
      0,
    );
    return {
      provider,
      shifts,
      levels,
      uncoveredHours14d: Math.round(((HORIZON - covered) / HOUR) * 10) / 10,
    };
  }

  async summary(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<OnCallSummary> {
    const entityRef = entityRefKey(entity);
    const coverage = await this.coverage(entity);
    if (!coverage)
      return { entityRef, configured: false, levels: [], links: [] };
    const now = this.now().getTime();
    const { provider, shifts, levels } = coverage;
    const current = shifts.find(
      s => Date.parse(s.start) <= now && now < Date.parse(s.end),
    );
    // Next is the hand-off: the first later shift of someone else (a rota with active hours has one shift per day
    // for the same person, and "next: the person on call now" tells nobody anything).
    const next = shifts.find(
      s =>
        Date.parse(s.start) > now &&
        (!current || s.target.ref !== current.target.ref),
    );
    const people = await this.people(
      [current, next]
        .filter((s): s is OnCallShift => Boolean(s))
        .map(s => s.target)
        .concat(levels.flatMap(l => l.targets)),
      credentials,
    );
    const named = (t: OnCallTarget) => people.get(t.ref) ?? t;
    return {
      entityRef,
      configured: true,
      provider: provider.id,
      ...(current
        ? { current: { ...current, target: named(current.target) } }
        : {}),
      ...(next ? { next: { ...next, target: named(next.target) } } : {}),
      levels: levels.map(l => ({ ...l, targets: l.targets.map(named) })),
      uncoveredHours14d: coverage.uncoveredHours14d,
      links: provider.getLinks ? await provider.getLinks(entity) : [],
    };
  }

  /**
   * Pages a level: the one asked for, or the level after the entity's last escalation in the past 24 hours (level 1
   * when there was none). At most `rateLimit.max` escalations per person per `rateLimit.windowMinutes`.
   */
  async escalate(
    entity: Entity,
    request: { reason: string; level?: number },
    actor: string,
  ): Promise<Escalation> {
    const provider = this.providerFor(entity);
    if (!provider) {
      throw new NotFoundError(
        `${stringifyEntityRef(
          entity,
        )} has no on-call: add the readiness.io/oncall (or pagerduty.com/service-id) annotation`,
      );
    }
    const { max, windowMinutes } = this.deps.rateLimit;
    const now = this.now();
    const since = new Date(now.getTime() - windowMinutes * 60_000);
    const levels = await provider.getEscalationLevels(entity);
    const entityRef = entityRefKey(entity);
    let level = request.level;
    if (level === undefined) {
      const [last] = await this.deps.store.listForEntity(entityRef, {
        since: new Date(now.getTime() - 24 * HOUR),
        limit: 1,
      });
      level = last ? Math.min(last.level + 1, Math.max(levels.length, 1)) : 1;
    }
    if (levels.length > 0 && level > levels.length) {
      throw new InputError(
        `level must be between 1 and ${levels.length}, got ${level}`,
      );
    }
    const id = randomUUID();
    const reason = request.reason.trim();
    // Counted and taken under one lock per person, sent after: simultaneous escalations cannot all pass the limit.
    const escalation: Escalation = {
      id,
      entityRef,
      provider: provider.id,
      level,
      reason,
      actor,
      notified: [],
      message: 'Sending',
      createdAt: now.toISOString(),
    };
    const taken = await this.deps.store.addWithinLimit(escalation, {
      max,
      since,
    });
    if (!taken.added) {
      this.deps.metrics?.escalation('rate_limited');
      const retryAfter = Math.max(
        1,
        Math.ceil(
          (Date.parse(taken.oldest) + windowMinutes * 60_000 - now.getTime()) /
            1000,
        ),
      );
      throw new TooManyEscalationsError(
        `At most ${max} escalations per ${windowMinutes} minutes; try again in ${retryAfter} s`,
        retryAfter,
      );
    }
    let sent: Awaited<ReturnType<OnCallProvider['escalate']>>;
    try {
      sent = await provider.escalate(entity, {
        level,
        reason,
        actor,
        escalationId: id,
      });
    } catch (error) {
      this.deps.metrics?.escalation('failed');
      await this.deps.store.remove(id);
      throw error;
    }
    this.deps.metrics?.escalation('sent');
    await this.deps.store.complete(id, sent);
    this.deps.logger.info(
      `Escalation ${id} of ${entityRef} to level ${level} by ${actor} through ${provider.id}`,
    );
    return {
      ...escalation,
      notified: sent.notified,
      ...(sent.externalId ? { externalId: sent.externalId } : {}),
      message: sent.message,
    };
  }

  async history(entityRef: string, limit = 20) {
    return this.deps.store.listForEntity(entityRef, { limit });
  }

  /** Display names and e-mail addresses of the users among the targets, from the catalog. */
  private async people(
    targets: OnCallTarget[],
    credentials: BackstageCredentials,
  ) {
    const refs = [
      ...new Set(
        targets
          .filter(t => t.ref.startsWith('user:') || t.ref.startsWith('group:'))
          .map(t => t.ref),
      ),
    ];
    const found = new Map<string, OnCallTarget>();
    if (refs.length === 0) return found;
    const byKey = new Map(refs.map(r => [entityRefKey(r), r]));
    const items = await this.deps.catalog.getEntitiesByRefs(refs, credentials);
    items.forEach(e => {
      const ref = byKey.get(entityRefKey(e));
      if (!ref) return;
      const profile = (
        e.spec as
          | { profile?: { displayName?: string; email?: string } }
          | undefined
      )?.profile;
      found.set(ref, {
        ref,
        name: profile?.displayName ?? e.metadata.title ?? e.metadata.name,
        ...(profile?.email ? { email: profile.email } : {}),
        type: isUserEntity(e) ? 'user' : 'group',
      });
    });
    return found;
  }
}
