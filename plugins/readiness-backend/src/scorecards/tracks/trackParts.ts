import { parseDocument } from 'yaml';
import {
  CheckCondition,
  checkSeverities,
  conditionOperators,
  TrackCheck,
  TrackEntityFilter,
  trackFilterKeys,
  entityRefKey,
} from '@readiness-io/plugin-readiness-common';
import { factTypeMatches } from '@readiness-io/plugin-readiness-node';

// The parts of a track file below the gate: checks, their conditions and the entity filters. Each parser collects
// problems (with their path in the file) instead of throwing, so a file's problems are reported all at once.

export const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** A gate's `environment:` — a tier (`production`) or an environment Resource's name (`rag-staging`). */
export const ENVIRONMENT_SCOPE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const OPERATORS_WITHOUT_VALUE = new Set(['exists', 'notExists']);
const NUMERIC_OPERATORS = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

export type Problems = string[];
export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function str(
  o: Obj,
  key: string,
  at: string,
  problems: Problems,
  required = true,
): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) problems.push(`${at}.${key}: is required`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(`${at}.${key}: must be a non-empty string`);
    return undefined;
  }
  return v;
}

export function unknownKeys(
  o: Obj,
  allowed: string[],
  at: string,
  problems: Problems,
) {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${at}.${key}: unknown field (allowed: ${allowed.join(', ')})`,
      );
    }
  }
}

function parseCondition(
  raw: unknown,
  at: string,
  problems: Problems,
): CheckCondition | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object with operator (and value)`);
    return undefined;
  }
  unknownKeys(raw, ['path', 'operator', 'value'], at, problems);
  const operator = str(raw, 'operator', at, problems);
  const path = str(raw, 'path', at, problems, false);
  if (operator === undefined) return undefined;
  if (!(conditionOperators as readonly string[]).includes(operator)) {
    problems.push(
      `${at}.operator: unknown operator '${operator}' (known: ${conditionOperators.join(
        ', ',
      )})`,
    );
    return undefined;
  }
  const value = raw.value as CheckCondition['value'];
  if (OPERATORS_WITHOUT_VALUE.has(operator)) {
    if (value !== undefined)
      problems.push(`${at}.value: '${operator}' takes no value`);
  } else if (value === undefined) {
    problems.push(`${at}.value: is required for operator '${operator}'`);
    return undefined;
  } else if (NUMERIC_OPERATORS.has(operator) && typeof value !== 'number') {
    problems.push(`${at}.value: must be a number for operator '${operator}'`);
    return undefined;
  } else if (
    (operator === 'in' || operator === 'notIn') &&
    !Array.isArray(value)
  ) {
    problems.push(`${at}.value: must be a list for operator '${operator}'`);
    return undefined;
  } else if (operator === 'matches') {
    if (typeof value !== 'string') {
      problems.push(
        `${at}.value: must be a regular expression string for 'matches'`,
      );
      return undefined;
    }
    try {
      // eslint-disable-next-line no-new
      new RegExp(value);
    } catch (e) {
      problems.push(
        `${at}.value: invalid regular expression (${(e as Error).message})`,
      );
      return undefined;
    }
  }
  return {
    operator: operator as CheckCondition['operator'],
    ...(path !== undefined ? { path } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

export function parseCheck(
  raw: unknown,
  at: string,
  knownFactTypes: string[],
  problems: Problems,
): TrackCheck | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object`);
    return undefined;
  }
  unknownKeys(
    raw,
    [
      'id',
      'title',
      'description',
      'severity',
      'fact',
      'entity',
      'condition',
      'manual',
      'howToFix',
      'unit',
    ],
    at,
    problems,
  );
  const id = str(raw, 'id', at, problems);
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.push(
      `${at}.id: '${id}' must be lower-case letters, digits and - _ . separators`,
    );
  }
  const title = str(raw, 'title', at, problems);
  const description = str(raw, 'description', at, problems, false);
  const howToFix = str(raw, 'howToFix', at, problems, false);
  let severity = (raw.severity ?? 'medium') as TrackCheck['severity'];
  if (!(checkSeverities as readonly string[]).includes(severity)) {
    problems.push(
      `${at}.severity: must be one of ${checkSeverities.join(', ')}`,
    );
    severity = 'medium';
  }

  const hasFact = raw.fact !== undefined;
  const hasManual = raw.manual !== undefined;
  if (hasFact === hasManual) {
    problems.push(
      `${at}: needs exactly one of 'fact' (with 'condition') or 'manual'`,
    );
    return undefined;
  }
  const check: TrackCheck = {
    id: id ?? '',
    title: title ?? '',
    severity,
    ...(description ? { description } : {}),
    ...(howToFix ? { howToFix } : {}),
  };
  if (hasFact) {
    const fact = str(raw, 'fact', at, problems);
    if (
      fact !== undefined &&
      !knownFactTypes.some(d => factTypeMatches(d, fact))
    ) {
      problems.push(
        `${at}.fact: unknown fact type '${fact}' (known: ${knownFactTypes.join(
          ', ',
        )})`,
      );
    }
    if (raw.condition === undefined) {
      problems.push(`${at}.condition: is required with 'fact'`);
    }
    const condition =
      raw.condition === undefined
        ? undefined
        : parseCondition(raw.condition, `${at}.condition`, problems);
    check.fact = fact;
    check.condition = condition;
    const unit = str(raw, 'unit', at, problems, false);
    if (unit !== undefined) check.unit = unit;
    const entity = str(raw, 'entity', at, problems, false);
    if (entity !== undefined) {
      try {
        check.entity = entityRefKey(entity);
      } catch (e) {
        problems.push(
          `${at}.entity: '${entity}' is not an entity ref with a kind, e.g. component:default/rag-api`,
        );
      }
    }
  } else {
    if (raw.entity !== undefined)
      problems.push(
        `${at}.entity: only checks with a 'fact' read another entity`,
      );
    const manual = raw.manual;
    const days = isObject(manual) ? manual.validForDays : undefined;
    if (
      !isObject(manual) ||
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days <= 0
    ) {
      problems.push(
        `${at}.manual.validForDays: must be a whole number of days above 0`,
      );
    } else {
      unknownKeys(manual, ['validForDays'], `${at}.manual`, problems);
      check.manual = { validForDays: days };
    }
  }
  return check;
}

export function parseFilter(
  raw: unknown,
  at: string,
  problems: Problems,
): TrackEntityFilter | undefined {
  if (!isObject(raw) || Object.keys(raw).length === 0) {
    problems.push(
      `${at}: must be an object with at least one of ${trackFilterKeys.join(
        ', ',
      )}`,
    );
    return undefined;
  }
  unknownKeys(raw, [...trackFilterKeys], at, problems);
  for (const [key, value] of Object.entries(raw)) {
    const ok =
      typeof value === 'string' ||
      (Array.isArray(value) &&
        value.length > 0 &&
        value.every(v => typeof v === 'string'));
    if (!ok)
      problems.push(
        `${at}.${key}: must be a string or a non-empty list of strings`,
      );
  }
  return raw as TrackEntityFilter;
}

/**
 * The start of every readiness file (a Track, a Campaign): YAML that parses to one object with `apiVersion:
 * readiness.io/v1`, the expected `kind` and nothing but `metadata` and `spec` beside them. Problems of the header go
 * into `problems`; a file that is not a YAML object at all answers `fatal` (nothing more can be checked).
 */
export function parseReadinessDocument(
  text: string,
  kind: string,
  problems: Problems,
): { raw: Obj } | { fatal: string[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0)
    return { fatal: doc.errors.map(e => `YAML error: ${e.message}`) };
  const raw = doc.toJSON();
  if (!isObject(raw))
    return { fatal: [`the file must hold one YAML object (a ${kind})`] };
  unknownKeys(
    raw,
    ['apiVersion', 'kind', 'metadata', 'spec'],
    '(root)',
    problems,
  );
  if (raw.apiVersion !== 'readiness.io/v1')
    problems.push(`apiVersion: must be 'readiness.io/v1'`);
  if (raw.kind !== kind) problems.push(`kind: must be '${kind}'`);
  return { raw };
}
