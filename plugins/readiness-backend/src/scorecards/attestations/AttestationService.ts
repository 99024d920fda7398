import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Attestation,
  entityRefKey,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../../catalog/EntityCatalog';
import { daysFrom, futureDate, resolveCheckTarget } from '../checkTarget';
import { TrackRegistry } from '../tracks/TrackRegistry';
import { AttestationStore } from './AttestationStore';

/** What a person asks to attest. */
export interface AttestationRequest {
  entityRef: string;
  trackId: string;
  gateId: string;
  checkId: string;
  validUntil?: string;
  note?: string;
  link?: string;
}

/**
 * Sign-offs of manual checks. The rules: only a manual check of a track that applies to the entity can be attested;
 * an attestation is valid for the check's `validForDays`, or until an earlier date the person gives.
 */
export class AttestationService {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    store: AttestationStore;
    /** Re-evaluates the entity once an attestation is stored, so its scorecard shows it at once. */
    evaluate: (
      entity: Entity,
      credentials: BackstageCredentials,
    ) => Promise<unknown>;
    now?: () => Date;
  }) {
    return new AttestationService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof AttestationService.create>[0],
  ) {}

  /**
   * Records a person's attestation after checking the request against the rules (400/404 naming the field), then
   * re-evaluates the entity.
   */
  async attest(
    request: AttestationRequest,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<Attestation> {
    const entity = await this.deps.catalog.getEntity(
      request.entityRef,
      credentials,
    );
    const check = resolveCheckTarget(this.deps.tracks, entity, request);
    if (!check.manual) {
      throw new InputError(
        `checkId: '${request.checkId}' is decided by the fact ${check.fact}, not by attestation`,
      );
    }
    const now = this.deps.now ? this.deps.now() : new Date();
    const validUntil = request.validUntil
      ? futureDate(
          'validUntil',
          request.validUntil,
          now,
          check.manual.validForDays,
        )
      : daysFrom(now, check.manual.validForDays);
    const attestation = await this.deps.store.create({
      entityRef: entityRefKey(entity),
      trackId: request.trackId,
      gateId: request.gateId,
      checkId: request.checkId,
      attestedBy: credentials.principal.userEntityRef,
      validUntil: validUntil.toISOString(),
      ...(request.note ? { note: request.note } : {}),
      ...(request.link ? { link: request.link } : {}),
    });
    await this.deps.evaluate(entity, credentials);
    return attestation;
  }
}
