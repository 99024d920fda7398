import { createPermission } from '@backstage/plugin-permission-common';

/** Read tracks, scorecards and their history. @public */
export const readinessReadPermission = createPermission({
  name: 'readiness.scorecard.read',
  attributes: { action: 'read' },
});

/** Ask for an entity to be evaluated again now. @public */
export const readinessRefreshPermission = createPermission({
  name: 'readiness.scorecard.refresh',
  attributes: { action: 'update' },
});

/** Push evidence (test results, scans, evaluation scores) for an entity. @public */
export const readinessEvidenceCreatePermission = createPermission({
  name: 'readiness.evidence.create',
  attributes: { action: 'create' },
});

/** Sign off a manual check. @public */
export const readinessAttestationCreatePermission = createPermission({
  name: 'readiness.attestation.create',
  attributes: { action: 'create' },
});

/** Ask for a waiver of a check. @public */
export const readinessWaiverRequestPermission = createPermission({
  name: 'readiness.waiver.request',
  attributes: { action: 'create' },
});

/** Approve somebody else's waiver request. @public */
export const readinessWaiverApprovePermission = createPermission({
  name: 'readiness.waiver.approve',
  attributes: { action: 'update' },
});

/** Revoke a waiver. @public */
export const readinessWaiverRevokePermission = createPermission({
  name: 'readiness.waiver.revoke',
  attributes: { action: 'delete' },
});

/** Record a deployment (CI). @public */
export const readinessDeploymentCreatePermission = createPermission({
  name: 'readiness.deployment.create',
  attributes: { action: 'create' },
});

/** Roll a deployment back from the portal. @public */
export const readinessDeploymentRollbackPermission = createPermission({
  name: 'readiness.deployment.rollback',
  attributes: { action: 'create' },
});

/** Page the next escalation level of an entity's on-call. @public */
export const readinessOnCallEscalatePermission = createPermission({
  name: 'readiness.oncall.escalate',
  attributes: { action: 'create' },
});

/** Record that an environment exists for a System (the scaffolder's provision action). @public */
export const readinessEnvironmentRecordPermission = createPermission({
  name: 'readiness.environment.record',
  attributes: { action: 'create' },
});

/** Record that an environment was decommissioned. @public */
export const readinessEnvironmentDecommissionPermission = createPermission({
  name: 'readiness.environment.decommission',
  attributes: { action: 'delete' },
});

/**
 * Preview what a proposed track would do to the whole catalog (reads every entity's facts and results, so a
 * permission of its own). @public
 */
export const readinessTrackPreviewPermission = createPermission({
  name: 'readiness.track.preview',
  attributes: { action: 'read' },
});

/**
 * Send a campaign's reminder now ("nudge") to the owners of the entities not done. Rate-limited per campaign.
 * @public
 */
export const readinessCampaignNudgePermission = createPermission({
  name: 'readiness.campaign.nudge',
  attributes: { action: 'create' },
});

/** Every permission of the readiness plugins. @public */
export const readinessPermissions = [
  readinessDeploymentCreatePermission,
  readinessDeploymentRollbackPermission,
  readinessReadPermission,
  readinessRefreshPermission,
  readinessTrackPreviewPermission,
  readinessEvidenceCreatePermission,
  readinessAttestationCreatePermission,
  readinessWaiverRequestPermission,
  readinessWaiverApprovePermission,
  readinessWaiverRevokePermission,
  readinessOnCallEscalatePermission,
  readinessEnvironmentRecordPermission,
  readinessEnvironmentDecommissionPermission,
  readinessCampaignNudgePermission,
];
