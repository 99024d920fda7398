import type { Schemas } from './schema/wire';

/** Runbook severity, as written in a runbook's front matter. @public */
export type RunbookSeverity = NonNullable<
  Schemas['RunbookMetadata']['severity']
>;

/** The metadata of a runbook, from its Markdown front matter. @public */
export type RunbookMetadata = Schemas['RunbookMetadata'];

/**
 * One runbook of an entity: where it came from, its metadata and Markdown, or why it could not be used
 * (`invalid`: read, but the front matter is malformed; `unreadable`: the link is broken).
 *
 * @public
 */
export type Runbook = Schemas['Runbook'];

/** The runbooks of an entity and the alerts they cover. @public */
export type EntityRunbooks = Schemas['EntityRunbooks'];

/** Which runbooks answer an alert. @public */
export type AlertRunbooks = Schemas['AlertRunbooks'];
