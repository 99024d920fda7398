import { ServiceUnavailableError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';

/** How long a caller should wait before retrying while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Connection-level failures: the socket's (Node), PostgreSQL's connection and shutdown SQLSTATEs.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|Timeout acquiring a connection|the database system is (starting up|shutting down)|terminating connection/i;

/** Whether an error (or one it wraps) says the database cannot be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) {
    return true;
  }
  // Node's AggregateError (a refused connection to every address of a host).
  if (Array.isArray(e.errors)) {
    return e.errors.some(inner => isDatabaseUnavailable(inner, depth + 1));
  }
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * Error middleware: a database that cannot be reached is a 503 with `Retry-After` and a message in words, so CI
 * callers retry, instead of a 500 carrying the driver's error (`connect ECONNREFUSED …`). Anything else passes on.
 */
export function databaseUnavailableMiddleware(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!isDatabaseUnavailable(error)) {
    next(error);
    return;
  }
  res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  next(
    new ServiceUnavailableError(
      `The readiness database cannot be reached right now. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds (a retry with the same externalId is recorded once).`,
    ),
  );
}
