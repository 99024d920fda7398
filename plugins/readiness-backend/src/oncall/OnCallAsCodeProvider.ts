import { CacheService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  EscalationLevel,
  OnCallShift,
  OnCallTarget,
  entityRefKey,
  isEntityOfKind,
  joinWords,
  refDisplayName,
} from '@readiness-io/plugin-readiness-common';
import { OnCallProvider } from '@readiness-io/plugin-readiness-node';
import { EntityFileReader } from '../catalog/EntityFileReader';
import { OnCallFile, parseOnCallFile } from './onCallFile';
import { computeSchedule, ScheduleMemo } from './schedule';

export const ONCALL_ANNOTATION = 'readiness.io/oncall';

/** On-call files change rarely; they are read again after this long. */
const FILE_TTL_MS = 5 * 60 * 1000;

/**
 * The built-in provider: on-call as code. The entity's `readiness.io/oncall` annotation points to a YAML file
 * (see {@link parseOnCallFile}) next to its catalog file or at a URL. Escalating notifies the level's people through
 * the notifications service (a group notifies its members).
 */
export class OnCallAsCodeProvider implements OnCallProvider {
  readonly id = 'oncall-as-code';
  private readonly schedules = new ScheduleMemo();

  constructor(
    private readonly deps: {
      files: EntityFileReader;
      cache: CacheService;
      notifications: NotificationService;
      now?: () => Date;
    },
  ) {}

  supports(entity: Entity) {
    return Boolean(entity.metadata.annotations?.[ONCALL_ANNOTATION]);
  }

  async getShifts(
    entity: Entity,
    window: { from: Date; to: Date },
  ): Promise<OnCallShift[]> {
    const file = await this.load(entity);
    return this.schedules
      .schedule(file, window.from.getTime(), window.to.getTime())
      .map(s => ({
        target: userTarget(s.user),
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        source: s.source,
      }));
  }

  async getEscalationLevels(entity: Entity): Promise<EscalationLevel[]> {
    const file = await this.load(entity);
    return file.escalation.map((rule, i) => ({
      level: i + 1,
      timeoutMinutes: rule.timeoutMinutes,
      targets: rule.targets.map(t =>
        t === 'oncall'
          ? {
              ref: 'oncall',
              name: 'Whoever is on call',
              type: 'schedule' as const,
            }
          : refTarget(t),
      ),
    }));
  }

  async getLinks(entity: Entity) {
    const resolved = this.deps.files.resolve(
      entity,
      entity.metadata.annotations![ONCALL_ANNOTATION],
    );
    return resolved.type === 'url'
      ? [{ title: 'On-call file', url: resolved.location }]
      : [];
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
    const file = await this.load(entity);
    const rule = file.escalation[request.level - 1];
    if (!rule)
      throw new InputError(
        `level must be between 1 and ${file.escalation.length}`,
      );
    const now = (this.deps.now ?? (() => new Date()))().getTime();
    const recipients = new Set<string>();
    for (const target of rule.targets) {
      if (target !== 'oncall') {
        recipients.add(entityRefKey(target));
        continue;
      }
      const current = computeSchedule(file, now, now + 1).find(
        s => s.start <= now && now < s.end,
      );
      if (current) recipients.add(entityRefKey(current.user));
    }
    if (recipients.size === 0) {
      throw new InputError(
        `Nobody is on call for level ${request.level} right now; escalate to the next level`,
      );
    }
    const entityRef = entityRefKey(entity);
    await this.notify({
      recipients: { type: 'entity', entityRef: [...recipients] },
      payload: {
        title: `Escalation (level ${request.level}): ${
          entity.metadata.title ?? entity.metadata.name
        }`,
        description: `${refDisplayName(request.actor)} escalated: ${
          request.reason
        }`,
        link: `/catalog/${
          entity.metadata.namespace ?? 'default'
        }/${entity.kind.toLocaleLowerCase('en-US')}/${entity.metadata.name}`,
        severity: 'critical',
        topic: `readiness-escalation:${entityRef}`,
        scope: request.escalationId,
      },
    });
    return {
      notified: [...recipients],
      message: `Notified ${joinWords(
        [...recipients].map(refDisplayName),
      )} (level ${request.level}); the next level follows after ${
        rule.timeoutMinutes
      } minutes if nobody acts.`,
    };
  }

  /** Sends through the notifications service; a failure is a 503 that says so, not a 500. */
  private async notify(options: Parameters<NotificationService['send']>[0]) {
    try {
      await this.deps.notifications.send(options);
    } catch (error) {
      throw new ServiceUnavailableError(
        `The escalation could not be sent through the notifications service: ${
          (error as Error).message
        }`,
      );
    }
  }

  private async load(entity: Entity): Promise<OnCallFile> {
    const target = entity.metadata.annotations?.[ONCALL_ANNOTATION];
    if (!target)
      throw new InputError(`The entity has no ${ONCALL_ANNOTATION} annotation`);
    // Keyed by where the file is, so the entities that share a team's file share one read and parse.
    const resolved = this.deps.files.resolve(entity, target);
    const key = `oncall-file:${EntityFileReader.locationOf(resolved)}`;
    const cached = (await this.deps.cache.get(key)) as OnCallFile | undefined;
    if (cached) return cached;
    const { location, text } = await this.deps.files.readResolved(resolved);
    const file = parseOnCallFile(text, location);
    await this.deps.cache.set(key, file as any, { ttl: FILE_TTL_MS });
    return file;
  }
}

function userTarget(ref: string): OnCallTarget {
  return {
    ref: entityRefKey(ref),
    name: parseEntityRef(ref).name,
    type: 'user',
  };
}

function refTarget(ref: string): OnCallTarget {
  const parsed = parseEntityRef(ref);
  return {
    ref: entityRefKey(parsed),
    name: parsed.name,
    type: isEntityOfKind(parsed, 'group') ? 'group' : 'user',
  };
}
