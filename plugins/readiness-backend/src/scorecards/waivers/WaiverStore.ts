import { Waiver } from '@readiness-io/plugin-readiness-common';

export type NewWaiver = Pick<
  Waiver,
  | 'entityRef'
  | 'trackId'
  | 'gateId'
  | 'checkId'
  | 'reason'
  | 'requestedBy'
  | 'expiresAt'
  | 'campaignId'
>;

/** Waiver requests, approvals and revocations. */
export interface WaiverStore {
  request(waiver: NewWaiver): Promise<Waiver>;
  get(id: string): Promise<Waiver | undefined>;
  /**
   * Approves a pending waiver. Returns undefined when it is no longer pending (approved or revoked meanwhile):
   * the update is conditional, so two approvers racing do not both win.
   */
  approve(id: string, approvedBy: string): Promise<Waiver | undefined>;
  /** Revokes a waiver that is not already revoked; undefined when it was. */
  revoke(id: string, revokedBy: string): Promise<Waiver | undefined>;
  listForEntities(entityRefs: string[]): Promise<Waiver[]>;
}
