import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EscalationLevel,
  OnCallShift,
  OnCallTarget,
} from '@readiness-io/plugin-readiness-common';
import { OnCallProvider } from '@readiness-io/plugin-readiness-node';
import { PagerDutyClient, PagerDutyOptions } from './PagerDutyClient';

export { readPagerDutyConfig } from './PagerDutyClient';
export type { PagerDutyOptions } from './PagerDutyClient';

/** The annotations the community PagerDuty plugin uses. */
export const PAGERDUTY_SERVICE_ANNOTATION = 'pagerduty.com/service-id';
export const PAGERDUTY_INTEGRATION_ANNOTATION = 'pagerduty.com/integration-key';

type PdTarget = {
  id: string;
  type: string;
  summary?: string;
  email?: string;
  name?: string;
};
type EscalationPolicy = {
  id: string;
  escalation_rules: Array<{
    escalation_delay_in_minutes: number;
    targets: PdTarget[];
  }>;
};

/** How long an escalation policy read from PagerDuty is reused. */
const POLICY_TTL_MS = 30_000;
type PdOnCall = {
  user: PdTarget;
  escalation_level: number;
  start: string | null;
  end: string | null;
  schedule?: PdTarget | null;
};

/**
 * On-call from PagerDuty, for entities with `pagerduty.com/service-id`: the service's escalation policy
 * (`GET /services/{id}`, `GET /escalation_policies/{id}`), who is on call (`GET /oncalls`, level 1, paged through),
 * and escalation as an incident triggered through the Events API v2 (`POST /v2/enqueue`) with the service's
 * integration key (`pagerduty.com/integration-key`). PagerDuty then pages its levels itself.
 */
export class PagerDutyProvider implements OnCallProvider {
  readonly id = 'pagerduty';
  private readonly policies = new Map<
    string,
    { policy: Promise<EscalationPolicy>; expires: number }
  >();

  private readonly client: PagerDutyClient;

  constructor(
    private readonly options: PagerDutyOptions,
    logger: LoggerService,
  ) {
    this.client = new PagerDutyClient(options, logger);
  }

  supports(entity: Entity) {
    return Boolean(entity.metadata.annotations?.[PAGERDUTY_SERVICE_ANNOTATION]);
  }

  async getEscalationLevels(entity: Entity): Promise<EscalationLevel[]> {
    const policy = await this.policyOf(entity);
    return policy.escalation_rules.map((rule, i) => ({
      level: i + 1,
      timeoutMinutes: rule.escalation_delay_in_minutes,
      targets: rule.targets.map(t => target(t)),
    }));
  }

  async getShifts(
    entity: Entity,
    window: { from: Date; to: Date },
  ): Promise<OnCallShift[]> {
    const policy = await this.policyOf(entity);
    const oncalls: PdOnCall[] = [];
    for (let offset = 0; ; ) {
      const query = new URLSearchParams({
        'escalation_policy_ids[]': policy.id,
        since: window.from.toISOString(),
        until: window.to.toISOString(),
        'include[]': 'users',
        limit: '100',
        offset: String(offset),
      });
      const page = await this.client.rest<{
        oncalls: PdOnCall[];
        more: boolean;
        limit: number;
      }>(`/oncalls?${query}`);
      oncalls.push(...page.oncalls);
      if (!page.more || page.oncalls.length === 0) break;
      offset += page.oncalls.length;
    }
    const from = window.from.getTime();
    const to = window.to.getTime();
    // Level 1 may be several schedules at once: keep the earliest-starting entry for each stretch of time.
    const entries = oncalls
      .filter(o => o.escalation_level === 1)
      .map(o => ({
        user: o.user,
        schedule: o.schedule,
        start: Math.max(o.start ? Date.parse(o.start) : from, from),
        end: Math.min(o.end ? Date.parse(o.end) : to, to),
      }))
      .filter(o => o.end > o.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const shifts: OnCallShift[] = [];
    let covered = from;
    for (const entry of entries) {
      const start = Math.max(entry.start, covered);
      if (entry.end <= start) continue;
      shifts.push({
        target: target(entry.user),
        start: new Date(start).toISOString(),
        end: new Date(entry.end).toISOString(),
        source: entry.schedule?.summary ?? 'PagerDuty',
      });
      covered = entry.end;
    }
    return shifts;
  }

  async getLinks(entity: Entity) {
    if (!this.options.webBaseUrl) return [];
    return [
      {
        title: 'PagerDuty service',
        url: `${this.options.webBaseUrl}/service-directory/${this.serviceId(
          entity,
        )}`,
      },
    ];
  }

  async escalate(
    entity: Entity,
    request: {
      level: number;
      reason: string;
      actor: string;
      escalationId: string;
    },
  ) {
    const routingKey =
      entity.metadata.annotations?.[PAGERDUTY_INTEGRATION_ANNOTATION];
    if (!routingKey) {
      throw new InputError(
        `The entity has no ${PAGERDUTY_INTEGRATION_ANNOTATION} annotation; PagerDuty's Events API needs the service's integration key to open an incident`,
      );
    }
    const body = {
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: request.escalationId,
      payload: {
        summary: `${entity.metadata.title ?? entity.metadata.name}: ${
          request.reason
        }`.slice(0, 1024),
        source: 'backstage-readiness',
        severity: 'critical',
        custom_details: {
          requestedLevel: request.level,
          escalatedBy: request.actor,
          entity: entity.metadata.name,
        },
      },
    };
    const result = await this.client.enqueue<{
      status: string;
      message: string;
      dedup_key: string;
    }>(body);
    return {
      notified: [],
      externalId: result.dedup_key,
      message: `PagerDuty incident triggered (dedup key ${result.dedup_key}); PagerDuty pages the service's escalation policy from level 1.`,
    };
  }

  private serviceId(entity: Entity) {
    return entity.metadata.annotations![PAGERDUTY_SERVICE_ANNOTATION];
  }

  /**
   * The service's escalation policy. A summary asks for shifts and levels together, and both need the policy: it is
   * fetched once and shared for a short while instead of twice.
   */
  private policyOf(entity: Entity) {
    const id = this.serviceId(entity);
    const cached = this.policies.get(id);
    if (cached && cached.expires > Date.now()) return cached.policy;
    const policy = this.fetchPolicy(id);
    this.policies.set(id, { policy, expires: Date.now() + POLICY_TTL_MS });
    policy.catch(() => this.policies.delete(id));
    return policy;
  }

  private async fetchPolicy(serviceId: string) {
    const id = encodeURIComponent(serviceId);
    const { service } = await this.client.rest<{
      service: { id: string; escalation_policy: { id: string } };
    }>(`/services/${id}`);
    const { escalation_policy } = await this.client.rest<{
      escalation_policy: EscalationPolicy;
    }>(
      `/escalation_policies/${encodeURIComponent(
        service.escalation_policy.id,
      )}`,
    );
    return escalation_policy;
  }
}

const TARGET_TYPES: Record<string, OnCallTarget['type']> = {
  schedule: 'schedule',
  user: 'user',
};

function target(t: PdTarget): OnCallTarget {
  const type = t.type.replace(/_reference$/, '');
  return {
    ref: `pagerduty:${type}/${t.id}`,
    name: t.name ?? t.summary ?? t.id,
    ...(t.email ? { email: t.email } : {}),
    type: TARGET_TYPES[type] ?? 'external',
  };
}
