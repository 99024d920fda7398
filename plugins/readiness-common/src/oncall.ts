import type { Schemas } from './schema/wire';

/** A person (or other target) in an on-call schedule. @public */
export type OnCallTarget = Schemas['OnCallTarget'];

/** A stretch of time one person is on call. @public */
export type OnCallShift = Schemas['OnCallShift'];

/** One level of an escalation policy. @public */
export type EscalationLevel = Schemas['EscalationLevel'];

/** Who is on call for an entity, now and next, and how to escalate. @public */
export type OnCallSummary = Schemas['OnCallSummary'];

/** A recorded escalation. @public */
export type Escalation = Schemas['Escalation'];
