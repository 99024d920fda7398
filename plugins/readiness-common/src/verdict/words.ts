import type { JsonValue } from '@backstage/types';

/**
 * Units and values as people read them: the building blocks of {@link describeCheckResult}.
 */

/** Units read from the end of a field or fact name (`p95Ms`, `oldestReviewAgeDays`, `uptimePercent`). */
const SUFFIX_UNITS: Array<[RegExp, string]> = [
  [/Ms$/, 'ms'],
  [/Seconds$/, 's'],
  [/Minutes$/, 'min'],
  [/Hours$/, 'hours'],
  [/Days$/, 'days'],
  [/(Percent|Pct)$/, '%'],
  [/Rate$/, 'ratio'],
];

/** Units of the facts the Readiness fact sources and evidence conventions produce. */
const FACT_UNITS: Array<[RegExp, string | undefined, string]> = [
  [/^evidence\.coverage$/, undefined, '%'],
  [/^oncall\.escalationLevels$/, undefined, 'levels'],
];

/**
 * The unit of what a check measures: the check's own `unit`, else the convention of its fact, else what the field
 * name ends in (`p95Ms` is milliseconds). `ratio` means a fraction shown as a percentage.
 *
 * @public
 */
export function unitOf(check: {
  unit?: string;
  fact?: string;
  condition?: { path?: string };
}): string | undefined {
  if (check.unit) return check.unit;
  const fact = check.fact ?? '';
  for (const [pattern, , unit] of FACT_UNITS)
    if (pattern.test(fact)) return unit;
  const field = check.condition?.path?.split('.').pop() ?? '';
  for (const [pattern, unit] of SUFFIX_UNITS)
    if (pattern.test(field)) return unit;
  const lastOfFact = fact.split('.').pop() ?? '';
  for (const [pattern, unit] of SUFFIX_UNITS)
    if (pattern.test(lastOfFact)) return unit;
  return undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const SINGULAR: Record<string, string> = {
  days: 'day',
  hours: 'hour',
  levels: 'level',
};

const numberFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
});

/** A number with its unit: `38.2 %`, `2,000 ms`, `1 day`, `25 %` for a ratio of 0.25. @public */
export function formatNumber(value: number, unit?: string): string {
  if (unit === 'ratio') return `${numberFormat.format(value * 100)} %`;
  const text = numberFormat.format(value);
  if (!unit) return text;
  if (unit === '%') return `${text} %`;
  return `${text} ${value === 1 ? SINGULAR[unit] ?? unit : unit}`;
}

/** A field name in words: `p95Ms` → `p95`, `oldestReviewAgeDays` → `oldest review age`, `length` → `count`. */
export function fieldWords(field: string | undefined): string {
  if (!field) return '';
  const last = field.split('.').pop()!;
  if (last === 'length') return 'count';
  const stripped = SUFFIX_UNITS.reduce(
    (s, [pattern]) => s.replace(pattern, ''),
    last,
  );
  return (stripped || last)
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLocaleLowerCase('en-US')
    .trim();
}

/**
 * Any JSON value in words, never as JSON: numbers with their unit, yes/no, lists by count and first items, objects
 * as their simple fields (`critical 0, high 2, medium 7`).
 *
 * @public
 */
export function formatValue(
  value: JsonValue | undefined,
  unit?: string,
): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'number') return formatNumber(value, unit);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value)) return formatDate(value);
    // Long free text (a description) is cut, and never ends a sentence twice.
    const text = value.replace(/[.\s]+$/, '');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    // Lists of objects (links, alerts) by what names them.
    const shown = value
      .slice(0, 3)
      .map(v =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? formatValue(v.title ?? v.name ?? v.id ?? v.url ?? v)
          : formatValue(v),
      )
      .join(', ');
    return `${value.length}: ${shown}${value.length > 3 ? ', …' : ''}`;
  }
  const simple = Object.entries(value).filter(
    ([, v]) => v === null || typeof v !== 'object',
  );
  if (simple.length === 0) return `${Object.keys(value).length} fields`;
  return simple
    .slice(0, 4)
    .map(
      ([k, v]) =>
        `${fieldWords(k)} ${formatValue(
          v as JsonValue,
          unitOf({ condition: { path: k } }),
        )}`,
    )
    .join(', ');
}

/** The value at a dotted path inside a JSON value (`length` of an array included). */
export function valueAt(
  value: JsonValue | undefined,
  path: string | undefined,
): JsonValue | undefined {
  if (!path) return value;
  let current: JsonValue | undefined = value;
  for (const part of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current)) {
      current =
        part === 'length' ? current.length : current[Number(part)] ?? undefined;
    } else if (typeof current === 'object') {
      current = (current as Record<string, JsonValue | undefined>)[part];
    } else {
      return undefined;
    }
  }
  return current;
}

const DAY = 86_400_000;

/** How long ago a time was, in the largest whole unit: `just now`, `5 minutes ago`, `3 days ago`. @public */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return 'at an unknown time';
  if (ms < 0) return 'in the future';
  const units: Array<[number, string]> = [
    [365 * DAY, 'year'],
    [30 * DAY, 'month'],
    [7 * DAY, 'week'],
    [DAY, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** A date as people write it: `1 March 2027`. @public */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The name of a catalog entity from its ref when nothing better is known: `user:default/li.wei` → `li.wei`.
 *
 * @public
 */
export function refDisplayName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':');
  return ref.slice(Math.max(slash, colon) + 1) || ref;
}
