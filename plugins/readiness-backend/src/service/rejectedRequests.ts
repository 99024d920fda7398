import { NextFunction, Request, Response } from 'express';
import { ReadinessMetrics } from './ReadinessMetrics';

/** The HTTP status an error will be answered with, as Backstage's error handler decides it. */
export function statusOfError(error: unknown): number {
  const e = error as { status?: unknown; statusCode?: unknown; name?: unknown };
  if (typeof e?.status === 'number') return e.status;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  const byName: Record<string, number> = {
    InputError: 400,
    AuthenticationError: 401,
    NotAllowedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    NotModifiedError: 304,
    ServiceUnavailableError: 503,
  };
  return (typeof e?.name === 'string' && byName[e.name]) || 500;
}

/** Error middleware: counts the requests refused with a 4xx, then passes the error on unchanged. */
export function countRejectedRequests(metrics: ReadinessMetrics | undefined) {
  return (
    error: unknown,
    _req: Request,
    _res: Response,
    next: NextFunction,
  ) => {
    const status = statusOfError(error);
    if (status >= 400 && status < 500) metrics?.rejectedRequest(status);
    next(error);
  };
}
