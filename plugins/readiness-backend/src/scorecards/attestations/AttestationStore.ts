import { Attestation } from '@readiness-io/plugin-readiness-common';

export type NewAttestation = Omit<Attestation, 'id' | 'attestedAt'>;

/** Sign-offs of manual checks. */
export interface AttestationStore {
  create(attestation: NewAttestation): Promise<Attestation>;
  /** Every attestation of these entities (expired ones too: the evaluator decides what still counts). */
  listForEntities(entityRefs: string[]): Promise<Attestation[]>;
}
