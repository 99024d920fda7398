import type { Fact } from '../facts';
import type { CheckResult, TrackCheck } from '../scorecards';
import {
  describeCheckResult,
  describeExpectation,
  describeMeasurement,
} from './describeCheckResult';
import { formatValue, timeAgo, unitOf } from './words';

const now = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (n: number) =>
  new Date(now.getTime() - n * 86_400_000).toISOString();

const fact = (type: string, value: Fact['value'], age = 3): Fact => ({
  entityRef: 'component:default/rag-api',
  type,
  value,
  source: 'evidence',
  observedAt: daysAgo(age),
});

const oidc: TrackCheck = {
  id: 'oidc-login',
  title: 'OIDC login works end to end',
  severity: 'critical',
  fact: 'evidence.tests.oidc-login',
  entity: 'component:default/rag-api',
  condition: { path: 'status', operator: 'equal', value: 'passed' },
};
const coverage: TrackCheck = {
  id: 'backend-coverage',
  title: 'Backend line coverage at least 70 %',
  severity: 'medium',
  fact: 'evidence.coverage',
  condition: { path: 'lines', operator: 'greaterThanInclusive', value: 70 },
};
const latency: TrackCheck = {
  id: 'performance-testing',
  title: 'Performance testing',
  severity: 'medium',
  fact: 'evidence.performance',
  condition: { path: 'p95Ms', operator: 'lessThanInclusive', value: 2000 },
};
const uxReview: TrackCheck = {
  id: 'ux-review',
  title: 'UX review done',
  severity: 'low',
  manual: { validForDays: 90 },
};
const names: Record<string, string> = {
  'user:default/li.wei': 'Li Wei',
  'component:default/rag-api': 'RAG API',
};
const context = { now, nameOf: (ref: string) => names[ref] };

/** No sentence may show JSON, a fact id or a full entity ref. */
function expectWords(sentence: string) {
  expect(sentence).not.toMatch(/[{}"]|evidence\.|[a-z]+:default\//);
}

describe('describeCheckResult', () => {
  it('says what failed, when, and what was expected, for a test run', () => {
    const result: CheckResult = {
      checkId: 'oidc-login',
      status: 'fail',
      message: '',
      fact: fact('evidence.tests.oidc-login', {
        status: 'failed',
        failed: 3,
        passed: 0,
        error: 'invalid_client',
      }),
    };
    const sentence = describeCheckResult(oidc, result, context);
    expect(sentence).toBe(
      'OIDC login works end to end: 3 of 3 tests failed (invalid_client), 3 days ago; expected all to pass.',
    );
    expectWords(sentence);
  });

  it('gives values their units, from the fact, the field name or the check', () => {
    expect(
      describeCheckResult(
        coverage,
        {
          checkId: 'backend-coverage',
          status: 'fail',
          message: '',
          fact: fact('evidence.coverage', { lines: 38.2, branches: 21.7 }),
        },
        context,
      ),
    ).toBe(
      'Backend line coverage at least 70 %: lines 38.2 %, 3 days ago; expected lines at least 70 %.',
    );
    expect(
      describeCheckResult(
        latency,
        {
          checkId: 'performance-testing',
          status: 'pass',
          message: '',
          fact: fact('evidence.performance', { p95Ms: 1850 }, 1),
        },
        context,
      ),
    ).toBe('Performance testing: p95 1,850 ms, 1 day ago.');
    expect(
      describeExpectation({
        ...latency,
        unit: 'hours',
        condition: { operator: 'lessThan', value: 168 },
      }),
    ).toBe('under 168 hours');
    expect(unitOf({ fact: 'runbooks.oldestReviewAgeDays' })).toBe('days');
    expect(
      describeExpectation({
        ...latency,
        fact: 'deployments.prod.failureRate',
        condition: { operator: 'lessThan', value: 0.2 },
      }),
    ).toBe('under 20 %');
  });

  it('names what is missing in words and the entity by its display name', () => {
    const sentence = describeCheckResult(
      { ...oidc, fact: 'evidence.tests.ui', entity: undefined },
      { checkId: 'ui', status: 'unknown', message: '' },
      { ...context, entityRef: 'component:default/rag-api' },
    );
    expect(sentence).toBe(
      "OIDC login works end to end: not measured: no 'ui' test result has been recorded for RAG API.",
    );
    expectWords(sentence);
  });

  it('says who signed off and until when, or that nobody has', () => {
    expect(
      describeCheckResult(
        uxReview,
        {
          checkId: 'ux-review',
          status: 'pass',
          message: '',
          attestation: {
            id: '1',
            entityRef: 'component:default/rag-web',
            trackId: 't',
            gateId: 'g',
            checkId: 'ux-review',
            attestedBy: 'user:default/li.wei',
            attestedAt: daysAgo(2),
            validUntil: '2027-03-01T12:00:00.000Z',
          },
        },
        context,
      ),
    ).toBe(
      'UX review done: signed off by Li Wei 2 days ago, valid until 1 March 2027.',
    );
    expect(
      describeCheckResult(
        uxReview,
        { checkId: 'ux-review', status: 'unknown', message: '' },
        context,
      ),
    ).toBe('UX review done: needs a sign-off; nobody has attested it yet.');
  });

  it('says what a blocked check waits for, and what it shows today', () => {
    const sentence = describeCheckResult(
      coverage,
      {
        checkId: 'backend-coverage',
        status: 'blocked',
        underlying: 'pass',
        message: '',
        fact: fact('evidence.coverage', { lines: 82 }),
      },
      { ...context, waitingFor: ['Backend verified', 'Frontend verified'] },
    );
    expect(sentence).toBe(
      'Backend line coverage at least 70 %: not decided until Backend verified and Frontend verified pass. Today: lines 82 %, 3 days ago.',
    );
  });

  it('says a waiver, with who approved it, and the result underneath', () => {
    const sentence = describeCheckResult(
      oidc,
      {
        checkId: 'oidc-login',
        status: 'waived',
        underlying: 'fail',
        message: '',
        fact: fact('evidence.tests.oidc-login', {
          status: 'failed',
          failed: 1,
          passed: 9,
        }),
        waiver: {
          id: 'w',
          entityRef: 'component:default/rag-api',
          trackId: 't',
          gateId: 'g',
          checkId: 'oidc-login',
          reason: 'IdP migration this week',
          requestedBy: 'user:default/maria.garcia',
          requestedAt: daysAgo(1),
          approvedBy: 'user:default/li.wei',
          expiresAt: '2026-12-08T00:00:00.000Z',
        },
      },
      context,
    );
    expect(sentence).toBe(
      'OIDC login works end to end: waived until 8 December 2026 (IdP migration this week, approved by Li Wei). On its own: 1 of 10 tests failed, 3 days ago; expected all to pass.',
    );
  });
});

describe('words', () => {
  it('shows any value without JSON', () => {
    expect(formatValue({ critical: 0, high: 2, medium: 7 })).toBe(
      'critical 0, high 2, medium 7',
    );
    expect(formatValue(['RagApiDown', 'RagApiSlow'])).toBe(
      '2: RagApiDown, RagApiSlow',
    );
    expect(formatValue([])).toBe('none');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(1, 'days')).toBe('1 day');
    expect(formatValue(2000, 'ms')).toBe('2,000 ms');
    expect(
      describeMeasurement(
        { ...oidc, condition: { operator: 'exists' } },
        fact('evidence.security-scan', { critical: 0, high: 2 }),
      ),
    ).toBe('critical 0, high 2');
  });

  it('counts time in the largest whole unit', () => {
    expect(timeAgo(daysAgo(3), now)).toBe('3 days ago');
    expect(timeAgo(new Date(now.getTime() - 90_000).toISOString(), now)).toBe(
      '1 minute ago',
    );
    expect(timeAgo(now.toISOString(), now)).toBe('just now');
  });
});
