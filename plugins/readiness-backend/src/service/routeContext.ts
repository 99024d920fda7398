import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** What every capability's routes need from the backend. */
export interface RouteContext {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
}

/**
 * The caller's credentials, and a 403 unless the permission framework allows the permission for them.
 */
export async function authorize(
  ctx: RouteContext,
  req: Request<any, any, any, any, any>,
  permission: BasicPermission,
) {
  const credentials = await ctx.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  await decide(ctx, credentials, permission);
  return credentials;
}

/** Like {@link authorize}, for actions only a signed-in person can take (attest, waive): 403 for services. */
export async function authorizeUser(
  ctx: RouteContext,
  req: Request<any, any, any, any, any>,
  permission: BasicPermission,
) {
  const credentials = await ctx.httpAuth.credentials(req, { allow: ['user'] });
  await decide(ctx, credentials, permission);
  return credentials;
}

async function decide(
  ctx: RouteContext,
  credentials: BackstageCredentials,
  permission: BasicPermission,
) {
  const [decision] = await ctx.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}

/** Runs a mutation inside an audit event: success with its metadata, or failure with the error. */
export async function audited<T>(
  ctx: RouteContext,
  req: Request<any, any, any, any, any>,
  eventId: string,
  meta: Record<string, string | number | boolean | null>,
  fn: () => Promise<T>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    request: req,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
