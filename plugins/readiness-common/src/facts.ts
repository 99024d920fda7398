import type { Schemas } from './schema/wire';

/** A typed value about an entity at a time, with where it came from. @public */
export type Fact = Schemas['Fact'];

/** Evidence as CI pushes it (POST /evidence). @public */
export type EvidenceRequest = Schemas['EvidenceRequest'];

/** Recorded evidence. @public */
export type Evidence = Schemas['Evidence'];
