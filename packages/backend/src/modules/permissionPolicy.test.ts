import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  readinessDeploymentCreatePermission,
  readinessEnvironmentDecommissionPermission,
  readinessEnvironmentRecordPermission,
  readinessEvidenceCreatePermission,
  readinessPermissions,
  readinessWaiverApprovePermission,
} from '@readiness-io/plugin-readiness-common';
import { ReadinessPermissionPolicy } from './permissionPolicy';

const user = (userEntityRef: string, ownershipEntityRefs: string[] = []) =>
  ({
    identity: { type: 'user', userEntityRef, ownershipEntityRefs },
    credentials: {},
    info: { userEntityRef, ownershipEntityRefs },
  } as any);

describe('ReadinessPermissionPolicy', () => {
  const policy = ReadinessPermissionPolicy.fromConfig(
    new ConfigReader({
      readiness: {
        permissions: {
          evidenceWriters: ['rag-team', 'user:default/release-bot'],
        },
      },
    }),
  );

  it('never lets people record or decommission environments by hand (the templates do, as the scaffolder)', async () => {
    for (const permission of [
      readinessEnvironmentRecordPermission,
      readinessEnvironmentDecommissionPermission,
    ]) {
      await expect(
        policy.handle(
          { permission },
          user('user:default/li.wei', ['group:default/rag-team']),
        ),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('lets people push evidence only when they or their group are listed as evidence writers', async () => {
    const decide = (u: any) =>
      policy.handle({ permission: readinessEvidenceCreatePermission }, u);
    await expect(decide(user('user:development/guest'))).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(
      decide(
        user('user:default/li.wei', [
          'user:default/li.wei',
          'group:default/rag-team',
        ]),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(decide(user('user:default/Release-Bot'))).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(decide(undefined)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(
      policy.handle(
        { permission: readinessDeploymentCreatePermission },
        user('user:development/guest'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows every other readiness permission, and other plugins’ permissions, to signed-in people', async () => {
    const notForPeople = [
      'readiness.evidence.create',
      'readiness.deployment.create',
      'readiness.environment.record',
      'readiness.environment.decommission',
    ];
    for (const permission of readinessPermissions.filter(
      p => !notForPeople.includes(p.name),
    )) {
      await expect(
        policy.handle({ permission }, user('user:development/guest')),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
    const catalogDelete = {
      type: 'basic' as const,
      name: 'catalog.entity.delete',
      attributes: { action: 'delete' as const },
    };
    await expect(
      policy.handle(
        { permission: catalogDelete },
        user('user:development/guest'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(
        { permission: readinessWaiverApprovePermission },
        user('user:default/x'),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies evidence to people when no writers are configured', async () => {
    const none = ReadinessPermissionPolicy.fromConfig(new ConfigReader({}));
    await expect(
      none.handle(
        { permission: readinessEvidenceCreatePermission },
        user('user:default/maria.garcia', ['group:default/rag-team']),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
