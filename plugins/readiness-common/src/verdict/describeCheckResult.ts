import type { JsonValue } from '@backstage/types';
import type { Fact } from '../facts';
import type { CheckResult, TrackCheck } from '../scorecards';
import {
  fieldWords,
  formatDate,
  formatValue,
  refDisplayName,
  timeAgo,
  unitOf,
  valueAt,
} from './words';

/**
 * What the formatter may know beyond the result itself.
 *
 * @public
 */
export interface VerdictContext {
  /** The time "3 days ago" is counted from (default: now). */
  now?: Date;
  /** The entity the scorecard is about, as a ref (named when a fact of it is missing). */
  entityRef?: string;
  /** The display name of a user, group or entity ref; the ref's name is used when this gives nothing. */
  nameOf?: (ref: string) => string | undefined;
  /** For a blocked check: the titles of the gates its gate waits for. */
  waitingFor?: string[];
  /** For a check of a gate that does not apply: why (the gate's message). */
  notApplicable?: string;
}

const OPERATOR_WORDS: Record<string, string> = {
  equal: '',
  notEqual: 'not ',
  lessThan: 'under ',
  lessThanInclusive: 'at most ',
  greaterThan: 'over ',
  greaterThanInclusive: 'at least ',
  in: 'one of ',
  notIn: 'none of ',
  contains: 'to contain ',
  doesNotContain: 'not to contain ',
  matches: 'to match ',
};

type TestRun = {
  status?: string;
  passed?: number;
  failed?: number;
  error?: unknown;
  reason?: unknown;
};

/** A test-run shaped value (`status` with `passed`/`failed` counts), as CI tools report them. */
function asTestRun(value: JsonValue | undefined): TestRun | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return undefined;
  const v = value as Record<string, JsonValue>;
  if (typeof v.passed !== 'number' && typeof v.failed !== 'number')
    return undefined;
  return v as TestRun;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

const isTestStatusCheck = (check: TrackCheck) =>
  check.condition?.path === 'status' &&
  check.condition.operator === 'equal' &&
  check.condition.value === 'passed';

/**
 * What a check expects, in words: `all to pass`, `lines at least 70 %`, `p95 at most 2,000 ms`, `to be recorded`.
 *
 * @public
 */
export function describeExpectation(check: TrackCheck): string {
  const condition = check.condition;
  if (!condition) return 'a sign-off';
  if (condition.operator === 'exists') return 'to be recorded';
  if (condition.operator === 'notExists') return 'nothing recorded';
  if (isTestStatusCheck(check)) return 'all to pass';
  const unit = unitOf(check);
  const subject = fieldWords(condition.path);
  if (
    condition.path?.split('.').pop() === 'length' &&
    condition.operator === 'equal' &&
    condition.value === 0
  )
    return 'none';
  const value = Array.isArray(condition.value)
    ? condition.value.map(v => formatValue(v, unit)).join(', ')
    : formatValue(condition.value, unit);
  const words = `${OPERATOR_WORDS[condition.operator] ?? ''}${value}`;
  return subject ? `${subject} ${words}` : words;
}

/**
 * What a fact says, in words, as far as the check reads it: `3 of 3 tests failed`, `lines 38.2 %`,
 * `critical 0, high 2, medium 7`.
 *
 * @public
 */
export function describeMeasurement(check: TrackCheck, fact: Fact): string {
  const run = asTestRun(fact.value);
  if (run && (!check.condition?.path || check.condition.path === 'status')) {
    const passed = run.passed ?? 0;
    const failed = run.failed ?? 0;
    const total = passed + failed;
    // CI tools often say why (`error`, `reason`): worth a person's time, in brackets, kept short.
    const why = [run.error, run.reason].find(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
    const because = why
      ? ` (${why.length > 120 ? `${why.slice(0, 119)}…` : why})`
      : '';
    if (failed > 0)
      return `${failed} of ${total} test${
        total === 1 ? '' : 's'
      } failed${because}`;
    if (run.status && run.status !== 'passed')
      return `the run ended ${run.status} (${passed} passed)`;
    return `all ${passed} test${passed === 1 ? '' : 's'} passed`;
  }
  const unit = unitOf(check);
  const path = check.condition?.path;
  const value = valueAt(fact.value, path);
  if (path?.split('.').pop() === 'length' && typeof value === 'number')
    return value === 0 ? 'none' : `${value}`;
  const measured = formatValue(value, unit);
  const subject = fieldWords(path);
  if (!subject) return measured;
  return `${subject} ${measured}`;
}

/**
 * What is missing when a check cannot be measured: `no 'oidc-login' test result has been recorded for rag-api`.
 *
 * @public
 */
export function describeMissingFact(
  factType: string,
  entityName: string,
): string {
  const parts = factType.split('.');
  const [source, kind, ...rest] = parts;
  const of = ` for ${entityName}`;
  if (source === 'evidence') {
    if (kind === 'tests' && rest.length > 0)
      return `no '${rest.join('.')}' test result has been recorded${of}`;
    const nouns: Record<string, string> = {
      coverage: 'coverage report',
      'security-scan': 'security scan',
      performance: 'performance test result',
      pipeline: 'pipeline run',
    };
    return `no ${
      nouns[kind] ?? `'${[kind, ...rest].join('.')}' evidence`
    } has been recorded${of}`;
  }
  if (source === 'deployments') {
    const what =
      rest.join('.') === 'lastSuccessful'
        ? `successful deployment to ${kind}`
        : `deployment to ${kind}`;
    return `no ${what} has been recorded${of}`;
  }
  if (source === 'runbooks') return `${entityName} has no runbooks`;
  if (source === 'oncall') return `${entityName} has no on-call schedule`;
  if (source === 'catalog') {
    if (kind === 'annotation')
      return `the catalog entry of ${entityName} has no ${rest.join(
        '.',
      )} annotation`;
    return `the catalog entry of ${entityName} has no ${fieldWords(
      [kind, ...rest].join('.'),
    )}`;
  }
  return `nothing about ${fieldWords(factType)} has been recorded${of}`;
}

/**
 * One check result as a sentence people read — what was measured, when, and what was expected — with units and
 * display names, never JSON or fact ids. The one formatter for the UI, the CLI, notifications and the
 * tech-insights bridge.
 *
 * @example
 * `OIDC login works end to end: 3 of 3 tests failed, 3 days ago; expected all to pass.`
 *
 * @public
 */
export function describeCheckResult(
  check: TrackCheck,
  result: CheckResult,
  context: VerdictContext = {},
): string {
  return `${check.title}: ${describeCheckOutcome(check, result, context)}`;
}

/**
 * {@link describeCheckResult} without the check's title in front, for places that show the title beside it (a
 * table row): `3 of 3 tests failed, 3 days ago; expected all to pass.`
 *
 * @public
 */
export function describeCheckOutcome(
  check: TrackCheck,
  result: CheckResult,
  context: VerdictContext = {},
): string {
  const now = context.now ?? new Date();
  const name = (ref: string) => context.nameOf?.(ref) ?? refDisplayName(ref);
  if (result.status === 'not-applicable')
    return `does not apply${
      context.notApplicable ? ` (${lowerFirst(context.notApplicable)})` : ''
    }.`;
  const own = ownSentence(check, result, context, now, name);
  if (result.status === 'waived' && result.waiver) {
    const w = result.waiver;
    const by = w.approvedBy ? `, approved by ${name(w.approvedBy)}` : '';
    return `waived until ${formatDate(w.expiresAt)} (${
      w.reason
    }${by}). On its own: ${own}`;
  }
  if (result.status === 'blocked') {
    const waiting = context.waitingFor?.length
      ? `not decided until ${joinWords(context.waitingFor)} ${
          context.waitingFor.length === 1 ? 'passes' : 'pass'
        }`
      : 'not decided until the gates before it pass';
    return `${waiting}. Today: ${own}`;
  }
  return own;
}

function ownSentence(
  check: TrackCheck,
  result: CheckResult,
  context: VerdictContext,
  now: Date,
  name: (ref: string) => string,
): string {
  if (check.manual) {
    const a = result.attestation;
    if (!a) return 'needs a sign-off; nobody has attested it yet.';
    const until = formatDate(a.validUntil);
    const expired = new Date(a.validUntil).getTime() <= now.getTime();
    return expired
      ? `the sign-off by ${name(
          a.attestedBy,
        )} expired on ${until}; it needs a new one.`
      : `signed off by ${name(a.attestedBy)} ${timeAgo(
          a.attestedAt,
          now,
        )}, valid until ${until}.`;
  }
  const fact = result.fact;
  const measuredValue = fact
    ? valueAt(fact.value, check.condition?.path)
    : undefined;
  // Nothing recorded (no fact, or a fact saying null: no deployment yet) is said as what is missing.
  if (
    !fact ||
    (measuredValue === null &&
      result.underlying !== 'pass' &&
      result.status !== 'pass')
  ) {
    const subject = check.entity ?? context.entityRef;
    return `not measured: ${describeMissingFact(
      check.fact ?? '',
      subject ? name(subject) : 'this entity',
    )}.`;
  }
  // A fact read from another entity (a system-wide check) says whose it is.
  const whose =
    check.entity && context.entityRef && check.entity !== context.entityRef
      ? ` for ${name(check.entity)}`
      : '';
  const measured = `${describeMeasurement(check, fact)}${whose}`;
  // Evidence was observed at a time worth saying; facts derived on each evaluation (catalog, deployments,
  // runbooks, on-call) were observed just now.
  const when =
    fact.source === 'evidence' ? `, ${timeAgo(fact.observedAt, now)}` : '';
  const own = result.underlying ?? result.status;
  if (own === 'pass') return `${measured}${when}.`;
  if (own === 'unknown')
    return `the recorded result${
      when ? ` (${when.slice(2)})` : ''
    } does not say; expected ${describeExpectation(check)}.`;
  return `${measured}${when}; expected ${describeExpectation(check)}.`;
}

/** `a`, `a and b`, `a, b and c`. @public */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const STATUS_SENTENCES: Record<string, string> = {
  pass: 'passes',
  fail: 'fails',
  unknown: 'is not measured yet',
  blocked: 'waits for the gates before it',
  waived: 'is waived',
  'not-applicable': 'does not apply',
};

/**
 * A check's stored status as a sentence, when only the status is known (campaigns, digests), for example:
 * `“OIDC login works end to end” fails, in Backend verified (sprint 2).`
 *
 * @public
 */
export function describeCheckStatus(
  check: { title: string },
  gate: { title: string },
  status: string,
): string {
  return `“${check.title}” ${STATUS_SENTENCES[status] ?? 'has no result'}, in ${
    gate.title
  }.`;
}
