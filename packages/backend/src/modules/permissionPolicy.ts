import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
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
import {
  readinessDeploymentCreatePermission,
  readinessEnvironmentDecommissionPermission,
  readinessEnvironmentRecordPermission,
  readinessEvidenceCreatePermission,
} from '@readiness-io/plugin-readiness-common';

/** Permissions meant for CI: services always have them; people only when listed as evidence writers. */
const ciPermissions = new Set([
  readinessEvidenceCreatePermission.name,
  readinessDeploymentCreatePermission.name,
]);

/** Environments are recorded by the scaffolder's actions (a service) for whoever runs the templates, never by hand. */
const templatePermissions = new Set([
  readinessEnvironmentRecordPermission.name,
  readinessEnvironmentDecommissionPermission.name,
]);

/**
 * The portal's permission policy.
 *
 * - `readiness.evidence.create` and `readiness.deployment.create` are for CI: services (static tokens from `backend.auth.externalAccess`) never reach
 *   the policy, since the permission framework allows service-to-service calls; people may push evidence only
 *   when they, or a group they belong to, are listed under `readiness.permissions.evidenceWriters`.
 * - `readiness.environment.record` and `readiness.environment.decommission` are denied to people: the
 *   rag-environment templates record environments (through the scaffolder, a service) after validating them, so
 *   nobody can make a production-scoped gate apply by hand.
 * - Every other permission (reading scorecards, previewing a track change, attesting, requesting, approving and
 *   revoking waivers, and the catalog's, scaffolder's and tech-insights' own) is allowed to every signed-in person.
 *   That waivers are approved by someone other than the requester is enforced by the readiness backend itself.
 */
export class ReadinessPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): ReadinessPermissionPolicy {
    const writers = (
      config.getOptionalStringArray('readiness.permissions.evidenceWriters') ??
      []
    ).map(ref =>
      stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US'),
    );
    return new ReadinessPermissionPolicy(new Set(writers));
  }

  private constructor(private readonly evidenceWriters: Set<string>) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (templatePermissions.has(request.permission.name))
      return { result: AuthorizeResult.DENY };
    if (ciPermissions.has(request.permission.name)) {
      const refs = [
        user?.info.userEntityRef,
        ...(user?.info.ownershipEntityRefs ?? []),
      ]
        .filter((r): r is string => Boolean(r))
        .map(r => r.toLocaleLowerCase('en-US'));
      return {
        result: refs.some(r => this.evidenceWriters.has(r))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link ReadinessPermissionPolicy} as the permission backend's policy. */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'readiness-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(ReadinessPermissionPolicy.fromConfig(config));
      },
    });
  },
});
