import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** What every action needs to decide whether its caller may run it. */
export interface ActionAuth {
  auth: AuthService;
  permissions: PermissionsService;
}

/** The same decision as the HTTP route's: a NotAllowedError (naming the permission) unless the policy allows it. */
export async function allow(
  deps: ActionAuth,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}

/** For actions only a signed-in person may take (attest, request a waiver, escalate), as the routes require. */
export async function allowUser(
  deps: ActionAuth,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  if (!deps.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      `Only a signed-in person may do this (${permission.name}); connect the assistant with your own sign-in, not a service token`,
    );
  }
  await allow(deps, credentials, permission);
  return credentials;
}

/** How every action's entity input is described to a model. */
export const ENTITY_REF_HELP =
  'The entity, as a catalog ref: kind:namespace/name (component:default/rag-api), or a component name alone (rag-api).';

/** `rag-api` → `component:default/rag-api`; an InputError naming the field for anything that is not a ref. */
export function refOf(value: string, defaultKind = 'component'): string {
  try {
    return entityRefKey(value, { defaultKind, defaultNamespace: 'default' });
  } catch {
    throw new InputError(`entityRef: '${value}' is not an entity ref`);
  }
}
