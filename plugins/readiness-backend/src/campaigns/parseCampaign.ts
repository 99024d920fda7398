import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { TrackEntityFilter } from '@readiness-io/plugin-readiness-common';
import {
  ID_PATTERN,
  isObject,
  parseFilter,
  parseReadinessDocument,
  Problems,
  str,
  unknownKeys,
} from '../scorecards/tracks/trackParts';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';

/** Raised when a campaign file is invalid; the message lists every problem, each with the file and path. */
export class CampaignValidationError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(
      `Invalid readiness campaign ${file}:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'CampaignValidationError';
    this.problems = problems.map(p => `${file}: ${p}`);
  }
}

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** A weekday by name, as the campaign file writes it. */
export type Weekday = (typeof WEEKDAYS)[number];

/** The day of the week of a `YYYY-MM-DD` day. */
export const weekdayOf = (date: string): Weekday =>
  WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/** A campaign file, parsed and checked against the loaded tracks. */
export interface CampaignDefinition {
  id: string;
  title: string;
  description?: string;
  owner: string;
  documentation?: string;
  draft: boolean;
  include: TrackEntityFilter[];
  /** Entity refs (`kind:namespace/name`, lower case) left out of the scope. */
  exclude: string[];
  target: {
    trackId: string;
    /** The gate every entity must pass; or, instead, the checks. */
    gateId?: string;
    checks?: Array<{ gateId: string; checkId: string }>;
  };
  startDate: string;
  targetDate: string;
  milestones: Array<{ date: string; title: string; percent?: number }>;
  reminders: {
    /** The weekday of the weekly digest; none when absent. */
    digest?: Weekday;
    /** Days before the target date on which every owner behind is reminded. */
    beforeTarget: number[];
  };
  source: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day that exists (2027-02-30 does not); YAML may have read it as a Date. */
function day(
  raw: Record<string, unknown>,
  key: string,
  at: string,
  problems: Problems,
  required = true,
): string | undefined {
  const value = raw[key];
  if (value === undefined) {
    if (required) problems.push(`${at}.${key}: is required (YYYY-MM-DD)`);
    return undefined;
  }
  const text =
    value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const date = new Date(`${text}T00:00:00Z`);
  if (
    !DAY.test(text) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    problems.push(`${at}.${key}: '${text}' is not a day (YYYY-MM-DD)`);
    return undefined;
  }
  return text;
}

function entityRef(value: unknown, at: string, problems: Problems) {
  if (typeof value !== 'string') {
    problems.push(`${at}: must be an entity ref like component:default/name`);
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(value)).toLocaleLowerCase('en-US');
  } catch {
    problems.push(
      `${at}: '${value}' is not an entity ref like component:default/name`,
    );
    return undefined;
  }
}

/**
 * Parses and validates one campaign file (`kind: Campaign`) against the loaded tracks: its target names a track
 * and a gate (or checks) that exist. Every problem is reported at once with its path in the file; nothing invalid
 * is returned.
 */
export function parseCampaign(
  text: string,
  file: string,
  tracks: TrackRegistry,
): CampaignDefinition {
  const problems: Problems = [];
  const header = parseReadinessDocument(text, 'Campaign', problems);
  if ('fatal' in header) throw new CampaignValidationError(file, header.fatal);
  const raw = header.raw;

  const metadata = isObject(raw.metadata) ? raw.metadata : undefined;
  if (!metadata) problems.push('metadata: is required');
  else
    unknownKeys(
      metadata,
      ['name', 'title', 'description'],
      'metadata',
      problems,
    );
  const id = metadata ? str(metadata, 'name', 'metadata', problems) : undefined;
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.push(
      `metadata.name: '${id}' must be lower-case letters, digits and - _ . separators`,
    );
  }
  const title = metadata
    ? str(metadata, 'title', 'metadata', problems)
    : undefined;
  const description = metadata
    ? str(metadata, 'description', 'metadata', problems, false)
    : undefined;

  const spec = isObject(raw.spec) ? raw.spec : undefined;
  if (!spec) {
    problems.push('spec: is required');
    throw new CampaignValidationError(file, problems);
  }
  unknownKeys(
    spec,
    [
      'owner',
      'documentation',
      'draft',
      'entities',
      'target',
      'startDate',
      'targetDate',
      'milestones',
      'reminders',
    ],
    'spec',
    problems,
  );
  const owner =
    spec.owner === undefined
      ? (problems.push('spec.owner: is required (a group or user ref)'),
        undefined)
      : entityRef(spec.owner, 'spec.owner', problems);
  const documentation = str(spec, 'documentation', 'spec', problems, false);
  if (documentation !== undefined && !/^https?:\/\/\S+$/.test(documentation))
    problems.push(
      `spec.documentation: '${documentation}' must be an http(s) URL`,
    );
  if (spec.draft !== undefined && typeof spec.draft !== 'boolean')
    problems.push('spec.draft: must be true or false');

  // Entities: filters like a track's appliesTo, and refs left out.
  const include: TrackEntityFilter[] = [];
  const exclude: string[] = [];
  const entities = isObject(spec.entities) ? spec.entities : undefined;
  if (!entities) {
    problems.push(
      'spec.entities: is required (include: entity filters, exclude: entity refs)',
    );
  } else {
    unknownKeys(entities, ['include', 'exclude'], 'spec.entities', problems);
    if (!Array.isArray(entities.include) || entities.include.length === 0) {
      problems.push(
        'spec.entities.include: must be a non-empty list of entity filters',
      );
    } else {
      entities.include.forEach((f, i) => {
        const filter = parseFilter(f, `spec.entities.include[${i}]`, problems);
        if (filter) include.push(filter);
      });
    }
    if (entities.exclude !== undefined) {
      if (!Array.isArray(entities.exclude)) {
        problems.push('spec.entities.exclude: must be a list of entity refs');
      } else {
        entities.exclude.forEach((r, i) => {
          const ref = entityRef(r, `spec.entities.exclude[${i}]`, problems);
          if (ref) exclude.push(ref);
        });
      }
    }
  }

  // Target: a track's gate, or some of its checks; both must exist.
  let target: CampaignDefinition['target'] | undefined;
  const rawTarget = isObject(spec.target) ? spec.target : undefined;
  if (!rawTarget) {
    problems.push(
      'spec.target: is required (track, and gate or checks: [gateId/checkId])',
    );
  } else {
    unknownKeys(
      rawTarget,
      ['track', 'gate', 'checks'],
      'spec.target',
      problems,
    );
    const trackId = str(rawTarget, 'track', 'spec.target', problems);
    const gateId = str(rawTarget, 'gate', 'spec.target', problems, false);
    const loaded = trackId ? tracks.get(trackId) : undefined;
    if (trackId && !loaded) {
      problems.push(
        `spec.target.track: no loaded track '${trackId}' (loaded: ${
          tracks
            .list()
            .map(t => t.track.metadata.name)
            .join(', ') || 'none'
        })`,
      );
    }
    const gates = loaded?.track.spec.gates ?? [];
    if ((gateId === undefined) === (rawTarget.checks === undefined)) {
      problems.push('spec.target: needs either gate or checks, not both');
    }
    if (gateId !== undefined && loaded && !gates.some(g => g.id === gateId)) {
      problems.push(
        `spec.target.gate: track '${trackId}' has no gate '${gateId}'`,
      );
    }
    let checks: Array<{ gateId: string; checkId: string }> | undefined;
    if (rawTarget.checks !== undefined) {
      if (!Array.isArray(rawTarget.checks) || rawTarget.checks.length === 0) {
        problems.push(
          'spec.target.checks: must be a non-empty list of gateId/checkId',
        );
      } else {
        checks = [];
        rawTarget.checks.forEach((c, i) => {
          const at = `spec.target.checks[${i}]`;
          const [g, k, ...rest] = typeof c === 'string' ? c.split('/') : [];
          if (!g || !k || rest.length > 0) {
            problems.push(`${at}: must be gateId/checkId`);
            return;
          }
          if (
            loaded &&
            !gates.find(gate => gate.id === g)?.checks.some(x => x.id === k)
          ) {
            problems.push(
              `${at}: track '${trackId}' has no check '${k}' in a gate '${g}'`,
            );
          }
          checks!.push({ gateId: g, checkId: k });
        });
      }
    }
    if (trackId)
      target = {
        trackId,
        ...(gateId !== undefined ? { gateId } : {}),
        ...(checks ? { checks } : {}),
      };
  }

  const startDate = day(spec, 'startDate', 'spec', problems);
  const targetDate = day(spec, 'targetDate', 'spec', problems);
  if (startDate && targetDate && startDate >= targetDate)
    problems.push(
      `spec.targetDate: '${targetDate}' must come after startDate '${startDate}'`,
    );

  const milestones: CampaignDefinition['milestones'] = [];
  if (spec.milestones !== undefined) {
    if (!Array.isArray(spec.milestones)) {
      problems.push('spec.milestones: must be a list of {date, title}');
    } else {
      spec.milestones.forEach((m, i) => {
        const at = `spec.milestones[${i}]`;
        if (!isObject(m)) {
          problems.push(`${at}: must be an object with date and title`);
          return;
        }
        unknownKeys(m, ['date', 'title', 'percent'], at, problems);
        const date = day(m, 'date', at, problems);
        const mTitle = str(m, 'title', at, problems);
        const percent = m.percent;
        if (
          percent !== undefined &&
          (typeof percent !== 'number' || percent < 0 || percent > 100)
        ) {
          problems.push(`${at}.percent: must be a number from 0 to 100`);
        }
        if (
          date &&
          startDate &&
          targetDate &&
          (date < startDate || date > targetDate)
        ) {
          problems.push(
            `${at}.date: '${date}' is not between startDate and targetDate`,
          );
        }
        if (date && mTitle)
          milestones.push({
            date,
            title: mTitle,
            ...(typeof percent === 'number' ? { percent } : {}),
          });
      });
    }
  }

  const reminders: CampaignDefinition['reminders'] = {
    digest: 'monday',
    beforeTarget: [14, 7, 1],
  };
  if (spec.reminders !== undefined) {
    if (!isObject(spec.reminders)) {
      problems.push('spec.reminders: must be an object (digest, beforeTarget)');
    } else {
      unknownKeys(
        spec.reminders,
        ['digest', 'beforeTarget'],
        'spec.reminders',
        problems,
      );
      const digest = spec.reminders.digest;
      if (digest === 'none') delete reminders.digest;
      else if (digest !== undefined) {
        if (!WEEKDAYS.includes(digest as Weekday))
          problems.push(
            `spec.reminders.digest: must be a weekday (${WEEKDAYS.join(
              ', ',
            )}) or none`,
          );
        else reminders.digest = digest as Weekday;
      }
      const before = spec.reminders.beforeTarget;
      if (before !== undefined) {
        if (
          !Array.isArray(before) ||
          !before.every(d => Number.isInteger(d) && d >= 0 && d <= 365)
        )
          problems.push(
            'spec.reminders.beforeTarget: must be a list of whole days from 0 to 365',
          );
        else reminders.beforeTarget = [...new Set(before as number[])];
      }
    }
  }

  if (problems.length > 0 || !id || !title || !owner || !target)
    throw new CampaignValidationError(file, problems);
  return {
    id,
    title,
    ...(description ? { description } : {}),
    owner,
    ...(documentation ? { documentation } : {}),
    draft: spec.draft === true,
    include,
    exclude,
    target,
    startDate: startDate!,
    targetDate: targetDate!,
    milestones: milestones.sort((a, b) => a.date.localeCompare(b.date)),
    reminders,
    source: file,
  };
}
