import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AllowAllUntilReadinessPermissionsPolicy } from './permissionPolicy';

describe('AllowAllUntilReadinessPermissionsPolicy', () => {
  it('allows every permission, for users and services alike, until the readiness permissions replace it', async () => {
    const policy = new AllowAllUntilReadinessPermissionsPolicy();
    const permission = { type: 'basic' as const, name: 'catalog.entity.delete', attributes: { action: 'delete' as const } };
    await expect(policy.handle({ permission })).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission }, { identity: { type: 'user', userEntityRef: 'user:default/guest', ownershipEntityRefs: [] }, credentials: {} as any, info: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [] } } as any),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
