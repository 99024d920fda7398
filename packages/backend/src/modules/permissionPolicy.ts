import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * ALLOW-ALL placeholder policy.
 *
 * Every request is allowed. This is only acceptable until the readiness permissions
 * (attestations, waivers, deployments, rollback, escalation) exist; the readiness engine
 * replaces it with a policy that decides on those permissions. The name says so on purpose,
 * and the backend logs a warning at start-up while it is in place.
 */
export class AllowAllUntilReadinessPermissionsPolicy implements PermissionPolicy {
  async handle(
    _request: PolicyQuery,
    _user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link AllowAllUntilReadinessPermissionsPolicy} as the permission backend's policy. */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'allow-all-until-readiness-permissions-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, logger: coreServices.logger },
      async init({ policy, logger }) {
        logger.warn(
          'Permission policy: ALLOW-ALL placeholder (AllowAllUntilReadinessPermissionsPolicy) is in place; every request is allowed.',
        );
        policy.setPolicy(new AllowAllUntilReadinessPermissionsPolicy());
      },
    });
  },
});
