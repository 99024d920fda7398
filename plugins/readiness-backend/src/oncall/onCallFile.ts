import { parseDocument } from 'yaml';
import { DateTime, IANAZone } from 'luxon';

/** One rotation layer of an on-call file. */
export interface RotationLayer {
  name: string;
  /** User entity refs, in rotation order. */
  members: string[];
  timeZone: string;
  /** Local date (YYYY-MM-DD) of the first hand-off: members[0] starts then. */
  start: string;
  /** Local hand-off time HH:mm. */
  handoff: string;
  rotationDays: number;
  /** Optional local date after which the layer stops (exclusive, at the hand-off time). */
  end?: string;
  /** Optional daily window the layer covers (local HH:mm; `from` > `to` wraps over midnight). */
  activeHours?: { from: string; to: string };
}

/** A stretch of time someone else covers. */
export interface Override {
  user: string;
  start: string;
  end: string;
}

/** An escalation level: `oncall` means whoever is on call at the time; otherwise user or group refs. */
export interface EscalationRule {
  targets: string[];
  timeoutMinutes: number;
}

/** A parsed on-call file (`readiness.io/oncall`). */
export interface OnCallFile {
  name: string;
  layers: RotationLayer[];
  overrides: Override[];
  escalation: EscalationRule[];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const USER_REF = /^user:(?:[\w.-]+\/)?[\w.-]+$/;
const TARGET_REF = /^(?:user|group):(?:[\w.-]+\/)?[\w.-]+$/;

/**
 * Parses and checks an on-call file. Every problem is reported with its path (`spec.layers[0].handoff: …`) and
 * the file's name, so a bad file fails loudly instead of computing a wrong rota.
 *
 * ```yaml
 * apiVersion: readiness.io/v1alpha1
 * kind: OnCall
 * metadata: { name: rag-team }
 * spec:
 *   timeZone: Europe/Berlin
 *   layers:
 *     - name: primary
 *       members: [user:default/sam.okafor, user:default/li.wei]
 *       start: 2026-11-02
 *       handoff: "09:00"
 *       rotationDays: 7
 *       activeHours: { from: "08:00", to: "20:00" }
 *   overrides:
 *     - { user: user:default/maria.garcia, start: 2026-11-26T09:00:00+01:00, end: 2026-11-27T09:00:00+01:00 }
 *   escalation:
 *     - { targets: [oncall], timeoutMinutes: 15 }
 *     - { targets: [user:default/maria.garcia], timeoutMinutes: 30 }
 * ```
 */
export function parseOnCallFile(text: string, source: string): OnCallFile {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    throw new Error(
      `${source}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
  const data = doc.toJS() as any;
  const problems: string[] = [];
  const fail = (at: string, message: string) =>
    problems.push(`${at}: ${message}`);
  if (!data || typeof data !== 'object')
    throw new Error(`${source}: an on-call file must be a YAML mapping`);
  if (data.apiVersion !== 'readiness.io/v1alpha1')
    fail(
      'apiVersion',
      `must be readiness.io/v1alpha1, got ${JSON.stringify(data.apiVersion)}`,
    );
  if (data.kind !== 'OnCall')
    fail('kind', `must be OnCall, got ${JSON.stringify(data.kind)}`);
  const spec = data.spec ?? {};
  const defaultZone = spec.timeZone ?? 'UTC';
  if (!IANAZone.isValidZone(defaultZone))
    fail('spec.timeZone', `unknown time zone ${JSON.stringify(defaultZone)}`);

  const layers: RotationLayer[] = [];
  if (!Array.isArray(spec.layers) || spec.layers.length === 0)
    fail('spec.layers', 'must list at least one rotation layer');
  (Array.isArray(spec.layers) ? spec.layers : []).forEach(
    (l: any, i: number) => {
      const at = `spec.layers[${i}]`;
      const zone = l?.timeZone ?? defaultZone;
      if (!IANAZone.isValidZone(zone))
        fail(`${at}.timeZone`, `unknown time zone ${JSON.stringify(zone)}`);
      if (!Array.isArray(l?.members) || l.members.length === 0)
        fail(`${at}.members`, 'must list at least one user');
      else
        l.members.forEach((m: unknown, j: number) => {
          if (typeof m !== 'string' || !USER_REF.test(m))
            fail(
              `${at}.members[${j}]`,
              `must be a user ref like user:default/li.wei, got ${JSON.stringify(
                m,
              )}`,
            );
        });
      const start = dateString(l?.start);
      if (!start || !validDate(start))
        fail(
          `${at}.start`,
          `must be a date like 2026-11-02, got ${JSON.stringify(l?.start)}`,
        );
      const end = l?.end === undefined ? undefined : dateString(l.end);
      if (l?.end !== undefined && (!end || !validDate(end)))
        fail(
          `${at}.end`,
          `must be a date like 2026-12-31, got ${JSON.stringify(l.end)}`,
        );
      if (start && end && end <= start)
        fail(`${at}.end`, 'must be after start');
      if (typeof l?.handoff !== 'string' || !TIME.test(l.handoff))
        fail(
          `${at}.handoff`,
          `must be a local time like "09:00", got ${JSON.stringify(
            l?.handoff,
          )}`,
        );
      if (
        !Number.isInteger(l?.rotationDays) ||
        l.rotationDays < 1 ||
        l.rotationDays > 366
      )
        fail(
          `${at}.rotationDays`,
          `must be a whole number of days from 1 to 366, got ${JSON.stringify(
            l?.rotationDays,
          )}`,
        );
      if (l?.activeHours !== undefined) {
        const { from, to } = l.activeHours ?? {};
        if (typeof from !== 'string' || !TIME.test(from))
          fail(
            `${at}.activeHours.from`,
            `must be a local time like "08:00", got ${JSON.stringify(from)}`,
          );
        if (typeof to !== 'string' || !TIME.test(to))
          fail(
            `${at}.activeHours.to`,
            `must be a local time like "20:00", got ${JSON.stringify(to)}`,
          );
        if (from === to)
          fail(
            `${at}.activeHours`,
            'from and to are equal; leave activeHours out for round-the-clock cover',
          );
      }
      layers.push({
        name: typeof l?.name === 'string' && l.name ? l.name : `layer ${i + 1}`,
        members: l?.members ?? [],
        timeZone: zone,
        start: start ?? '',
        handoff: l?.handoff,
        rotationDays: l?.rotationDays,
        ...(end ? { end } : {}),
        ...(l?.activeHours
          ? { activeHours: { from: l.activeHours.from, to: l.activeHours.to } }
          : {}),
      });
    },
  );

  const overrides: Override[] = [];
  (spec.overrides ?? []).forEach((o: any, i: number) => {
    const at = `spec.overrides[${i}]`;
    if (typeof o?.user !== 'string' || !USER_REF.test(o.user))
      fail(`${at}.user`, `must be a user ref, got ${JSON.stringify(o?.user)}`);
    const start = instant(o?.start);
    const end = instant(o?.end);
    if (!start)
      fail(
        `${at}.start`,
        `must be a date-time with offset like 2026-11-26T09:00:00+01:00, got ${JSON.stringify(
          o?.start,
        )}`,
      );
    if (!end)
      fail(
        `${at}.end`,
        `must be a date-time with offset, got ${JSON.stringify(o?.end)}`,
      );
    if (start && end && end <= start) fail(`${at}.end`, 'must be after start');
    overrides.push({ user: o?.user, start: start ?? '', end: end ?? '' });
  });
  if (spec.overrides !== undefined && !Array.isArray(spec.overrides))
    fail('spec.overrides', 'must be a list');

  const escalation: EscalationRule[] = [];
  if (!Array.isArray(spec.escalation) || spec.escalation.length === 0)
    fail('spec.escalation', 'must list at least one level');
  (Array.isArray(spec.escalation) ? spec.escalation : []).forEach(
    (e: any, i: number) => {
      const at = `spec.escalation[${i}]`;
      if (!Array.isArray(e?.targets) || e.targets.length === 0)
        fail(`${at}.targets`, 'must list oncall, user or group refs');
      else
        e.targets.forEach((t: unknown, j: number) => {
          if (t !== 'oncall' && (typeof t !== 'string' || !TARGET_REF.test(t)))
            fail(
              `${at}.targets[${j}]`,
              `must be oncall or a user/group ref, got ${JSON.stringify(t)}`,
            );
        });
      if (!Number.isInteger(e?.timeoutMinutes) || e.timeoutMinutes < 1)
        fail(
          `${at}.timeoutMinutes`,
          `must be a whole number of minutes above 0, got ${JSON.stringify(
            e?.timeoutMinutes,
          )}`,
        );
      escalation.push({
        targets: e?.targets ?? [],
        timeoutMinutes: e?.timeoutMinutes,
      });
    },
  );

  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`);
  return { name: data.metadata?.name ?? source, layers, overrides, escalation };
}

function dateString(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && DATE.test(value) ? value : undefined;
}

function validDate(value: string) {
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

function instant(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:\d{2})$/.test(value))
    return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
}
