import { JsonValue } from '@backstage/types';
import { CheckCondition } from '@readiness-io/plugin-readiness-common';

/** A condition compiled once into a closure over a fact's value. */
export type CompiledCondition = (value: JsonValue | undefined) => boolean;

/** Reads a dot path (`a.b.0.c`, `items.length`) inside a JSON value; `undefined` when any step is missing. */
export function readPath(
  value: JsonValue | undefined,
  path: string[],
): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current))
      current = key === 'length' ? current.length : current[Number(key)];
    else
      current = Object.prototype.hasOwnProperty.call(current, key)
        ? (current as Record<string, JsonValue>)[key]
        : undefined;
  }
  return current;
}

function deepEqual(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(k => deepEqual((a as any)[k], (b as any)[k]));
}

function compileOperator(condition: CheckCondition): CompiledCondition {
  const expected = condition.value;
  switch (condition.operator) {
    case 'equal':
      return v => deepEqual(v, expected);
    case 'notEqual':
      return v => v !== undefined && !deepEqual(v, expected);
    case 'lessThan':
      return v => typeof v === 'number' && v < (expected as number);
    case 'lessThanInclusive':
      return v => typeof v === 'number' && v <= (expected as number);
    case 'greaterThan':
      return v => typeof v === 'number' && v > (expected as number);
    case 'greaterThanInclusive':
      return v => typeof v === 'number' && v >= (expected as number);
    case 'in': {
      const list = expected as JsonValue[];
      return v => v !== undefined && list.some(e => deepEqual(e, v));
    }
    case 'notIn': {
      const list = expected as JsonValue[];
      return v => v !== undefined && !list.some(e => deepEqual(e, v));
    }
    case 'contains':
      return v =>
        (Array.isArray(v) && v.some(e => deepEqual(e, expected))) ||
        (typeof v === 'string' &&
          typeof expected === 'string' &&
          v.includes(expected));
    case 'doesNotContain':
      return v =>
        (Array.isArray(v) && !v.some(e => deepEqual(e, expected))) ||
        (typeof v === 'string' &&
          typeof expected === 'string' &&
          !v.includes(expected));
    case 'exists':
      return v => v !== undefined && v !== null;
    case 'notExists':
      return v => v === undefined || v === null;
    case 'matches': {
      const re = new RegExp(expected as string);
      return v => typeof v === 'string' && re.test(v);
    }
    default:
      throw new Error(
        `unknown operator ${(condition as CheckCondition).operator}`,
      );
  }
}

/** Compiles a check's condition (path + operator + value) into one closure, once per track load. */
export function compileCondition(condition: CheckCondition): CompiledCondition {
  const test = compileOperator(condition);
  if (!condition.path) return test;
  const path = condition.path.split('.');
  return value => test(readPath(value, path));
}
