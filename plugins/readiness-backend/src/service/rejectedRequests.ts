import { NextFunction, Request, Response } from 'express';
import { ReadinessMetrics } from './ReadinessMetrics';
import { isDatabaseUnavailable } from './databaseUnavailable';

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

/** Which kind of facts a request pushes (`POST /evidence`, `/deployments`, or their `/batch`), if it pushes any. */
export function ingestionSourceOf(
  req: Pick<Request, 'method' | 'path'>,
): 'evidence' | 'deployments' | undefined {
  if (req.method !== 'POST') return undefined;
  if (/^\/evidence(\/batch)?\/?$/.test(req.path)) return 'evidence';
  if (/^\/deployments(\/batch)?\/?$/.test(req.path)) return 'deployments';
  return undefined;
}

/**
 * Error middleware: counts the requests refused with a 4xx, the ingestion requests answered with any error (by the
 * status they get — a database that cannot be reached is a 503, see databaseUnavailable.ts), then passes the error
 * on unchanged.
 */
export function countRejectedRequests(metrics: ReadinessMetrics | undefined) {
  return (error: unknown, req: Request, _res: Response, next: NextFunction) => {
    const unreachable = isDatabaseUnavailable(error);
    const status = unreachable ? 503 : statusOfError(error);
    if (status >= 400 && status < 500) metrics?.rejectedRequest(status);
    const source = ingestionSourceOf(req);
    if (source) metrics?.ingestionFailed(source, status);
    if (unreachable) metrics?.databaseUnreachable();
    next(error);
  };
}
