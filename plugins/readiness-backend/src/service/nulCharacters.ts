import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';

/**
 * Where a value holds the NUL character (U+0000), as a field path (`value.status`, `items[0].externalId`), or
 * undefined. Keys count too. PostgreSQL cannot store NUL in text or jsonb (SQLite can): refusing it up front gives
 * the same answer on both databases instead of a 500 on one.
 */
export function findNulCharacter(
  value: unknown,
  path = '',
): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path || '(value)' : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at.split('\u0000').join('\\u0000');
      const found = findNulCharacter(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** A 400 naming the field, when a value holds the NUL character. */
export function rejectNulCharacters(value: unknown, where = ''): void {
  const field = findNulCharacter(value, where);
  if (field) {
    throw new InputError(
      `${field}: must not contain the NUL character (U+0000)`,
    );
  }
}

/** Express middleware: the query string and the JSON body, before the OpenAPI validator and any route. */
export function rejectNulCharactersMiddleware(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  try {
    rejectNulCharacters(req.query);
    rejectNulCharacters(req.body);
    // A path segment: decoded by the router later, so look at the raw path here.
    if (/%00/i.test(req.path) || req.path.includes('\u0000')) {
      throw new InputError('path: must not contain the NUL character (U+0000)');
    }
    next();
  } catch (error) {
    next(error);
  }
}
