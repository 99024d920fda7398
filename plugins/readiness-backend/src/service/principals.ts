import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';

/** Who did something: the user's entity ref, or the external service's subject (e.g. `external:ci`). */
export function principalName(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.type === 'user' ? p.userEntityRef! : p.subject ?? 'service';
}

/**
 * Who a recording is attributed to: the person calling, or — for a service such as the scaffolder acting for a
 * person — the person it names (`requestedBy`). A person cannot name someone else.
 */
export function recordedByOf(
  credentials: BackstageCredentials,
  requestedBy: string | undefined,
): string {
  const principal = credentials.principal as { type: string };
  return principal.type === 'service' && requestedBy
    ? entityRefKey(requestedBy, { defaultKind: 'user' })
    : principalName(credentials);
}
