import { compileCondition, readPath } from './compileCondition';

describe('compileCondition', () => {
  it.each([
    [{ operator: 'equal', value: 'passed' }, 'passed', true],
    [{ operator: 'equal', value: 'passed' }, 'failed', false],
    [{ operator: 'equal', value: { a: [1, 2] } }, { a: [1, 2] }, true],
    [{ operator: 'notEqual', value: 'failed' }, 'passed', true],
    [{ operator: 'notEqual', value: 'failed' }, undefined, false],
    [{ operator: 'lessThan', value: 5 }, 4, true],
    [{ operator: 'lessThan', value: 5 }, 5, false],
    [{ operator: 'lessThanInclusive', value: 5 }, 5, true],
    [{ operator: 'greaterThan', value: 0.8 }, 0.81, true],
    [{ operator: 'greaterThan', value: 0.8 }, '0.9', false],
    [{ operator: 'greaterThanInclusive', value: 80 }, 80, true],
    [{ operator: 'in', value: ['passed', 'skipped'] }, 'skipped', true],
    [{ operator: 'notIn', value: ['critical', 'high'] }, 'low', true],
    [{ operator: 'notIn', value: ['critical', 'high'] }, undefined, false],
    [{ operator: 'contains', value: 'oidc' }, ['oidc', 'mtls'], true],
    [{ operator: 'contains', value: 'oidc' }, 'uses oidc login', true],
    [{ operator: 'doesNotContain', value: 'critical' }, ['low'], true],
    [{ operator: 'exists' }, 0, true],
    [{ operator: 'exists' }, null, false],
    [{ operator: 'notExists' }, undefined, true],
    [{ operator: 'matches', value: '^v\\d+\\.' }, 'v1.2.3', true],
    [{ operator: 'matches', value: '^v\\d+\\.' }, 3, false],
  ] as const)('%j on %j is %s', (condition, value, expected) => {
    expect(compileCondition(condition as any)(value as any)).toBe(expected);
  });

  it('reads the value at a path first', () => {
    const test = compileCondition({
      path: 'suites.0.status',
      operator: 'equal',
      value: 'passed',
    });
    expect(test({ suites: [{ status: 'passed' }] })).toBe(true);
    expect(test({ suites: [] })).toBe(false);
    expect(test('passed')).toBe(false);
  });

  it('reads paths through objects and arrays and stops at missing steps', () => {
    expect(readPath({ a: { b: [10, 20] } }, ['a', 'b', '1'])).toBe(20);
    expect(readPath({ a: null }, ['a', 'b'])).toBeUndefined();
  });
});
