import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { entityRefKey, Waiver } from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { futureDate, resolveCheckTarget } from '../checkTarget';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { WaiverStore } from './WaiverStore';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** What a person asks to waive. */
export interface WaiverRequest {
  entityRef: string;
  trackId: string;
  gateId: string;
  checkId: string;
  reason: string;
  expiresAt: string;
}

/**
 * Waivers and their rules: a waiver names a check of a track that applies to the entity and expires within
 * `maxWaiverDays`; it is approved by someone other than who requested it (four eyes), once, while pending and
 * unexpired; a revoked waiver stays revoked. The entity is re-evaluated after approval and revocation.
 */
export class WaiverService {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    store: WaiverStore;
    maxWaiverDays: number;
    evaluate: (
      entity: Entity,
      credentials: BackstageCredentials,
    ) => Promise<unknown>;
    now?: () => Date;
  }) {
    return new WaiverService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof WaiverService.create>[0],
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : new Date();
  }

  async request(
    request: WaiverRequest,
    credentials: UserCredentials,
  ): Promise<Waiver> {
    const entity = await this.deps.catalog.getEntity(
      request.entityRef,
      credentials,
    );
    resolveCheckTarget(this.deps.tracks, entity, request);
    const expiresAt = futureDate(
      'expiresAt',
      request.expiresAt,
      this.now(),
      this.deps.maxWaiverDays,
    );
    return this.deps.store.request({
      entityRef: entityRefKey(entity),
      trackId: request.trackId,
      gateId: request.gateId,
      checkId: request.checkId,
      reason: request.reason,
      requestedBy: credentials.principal.userEntityRef,
      expiresAt: expiresAt.toISOString(),
    });
  }

  /**
   * A waiver that exempts an entity from a campaign (the campaigns service has checked that the entity is in its
   * scope): the same reason, expiry and four-eyes approval as any waiver; it names the campaign's track and gate,
   * and changes nothing on the scorecard.
   */
  async requestCampaignExemption(
    request: {
      entityRef: string;
      campaignId: string;
      trackId: string;
      gateId: string;
      reason: string;
      expiresAt: string;
    },
    credentials: UserCredentials,
  ): Promise<Waiver> {
    const expiresAt = futureDate(
      'expiresAt',
      request.expiresAt,
      this.now(),
      this.deps.maxWaiverDays,
    );
    return this.deps.store.request({
      entityRef: request.entityRef,
      trackId: request.trackId,
      gateId: request.gateId,
      checkId: '',
      campaignId: request.campaignId,
      reason: request.reason,
      requestedBy: credentials.principal.userEntityRef,
      expiresAt: expiresAt.toISOString(),
    });
  }

  /** A waiver the caller may see (they may see its entity); 404 otherwise. */
  async get(id: string, credentials: BackstageCredentials) {
    const waiver = await this.deps.store.get(id);
    if (!waiver) throw new NotFoundError(`No waiver ${id}`);
    const entity = await this.deps.catalog.getEntity(
      waiver.entityRef,
      credentials,
    );
    return { waiver, entity };
  }

  async approve(id: string, credentials: UserCredentials): Promise<Waiver> {
    const { waiver, entity } = await this.get(id, credentials);
    const approver = credentials.principal.userEntityRef;
    if (entityRefKey(approver) === entityRefKey(waiver.requestedBy)) {
      throw new NotAllowedError(
        'A waiver must be approved by someone other than who requested it',
      );
    }
    if (waiver.revokedAt) throw new ConflictError(`Waiver ${id} was revoked`);
    if (waiver.approvedBy) {
      throw new ConflictError(
        `Waiver ${id} was already approved by ${waiver.approvedBy}`,
      );
    }
    if (new Date(waiver.expiresAt).getTime() <= this.now().getTime()) {
      throw new ConflictError(`Waiver ${id} has expired`);
    }
    const approved = await this.deps.store.approve(id, approver);
    if (!approved) throw new ConflictError(`Waiver ${id} is no longer pending`);
    await this.deps.evaluate(entity, credentials);
    return approved;
  }

  async revoke(id: string, credentials: UserCredentials): Promise<Waiver> {
    const { entity } = await this.get(id, credentials);
    const revoked = await this.deps.store.revoke(
      id,
      credentials.principal.userEntityRef,
    );
    if (!revoked) throw new ConflictError(`Waiver ${id} was already revoked`);
    await this.deps.evaluate(entity, credentials);
    return revoked;
  }
}
