/** Runbook severity, as written in a runbook's front matter. @public */
export type RunbookSeverity = 'critical' | 'high' | 'medium' | 'low';

/** The metadata of a runbook, from its Markdown front matter. @public */
export type RunbookMetadata = {
  title?: string;
  alerts: string[];
  owner?: string;
  /** YYYY-MM-DD */
  lastReviewed?: string;
  severity?: RunbookSeverity;
};

/**
 * One runbook of an entity: where it came from, its metadata and Markdown, or why it could not be used.
 * `status` is `ok`, `invalid` (read, but the front matter is malformed; `errors` say what) or `unreadable`
 * (the link is broken; `errors` say why).
 *
 * @public
 */
export type Runbook = {
  /** The annotation's entry, as written. */
  target: string;
  /** The resolved location it was read from. */
  url: string;
  status: 'ok' | 'invalid' | 'unreadable';
  errors: string[];
  metadata: RunbookMetadata;
  /** The Markdown body without the front matter (absent when unreadable). */
  markdown?: string;
  /** Days since lastReviewed, when known. */
  reviewAgeDays?: number;
};

/** The runbooks of an entity and the alerts they cover. @public */
export type EntityRunbooks = {
  entityRef: string;
  runbooks: Runbook[];
  /** Alerts the entity declares (annotation `readiness.io/alerts` or its Prometheus rules file). */
  alerts: string[];
  /** Declared alerts no runbook lists. */
  uncoveredAlerts: string[];
  /** Problems reading the declared alerts (e.g. an unreadable rules file). */
  alertErrors: string[];
  refreshedAt: string;
};

/** Which runbooks answer an alert. @public */
export type AlertRunbooks = {
  alert: string;
  items: Array<{
    entityRef: string;
    target: string;
    url: string;
    title?: string;
    severity?: RunbookSeverity;
  }>;
};

/** A person (or other target) in an on-call schedule. @public */
export type OnCallTarget = {
  /** user:default/maria.garcia, group:default/rag-team, or a provider id such as a PagerDuty user. */
  ref: string;
  name: string;
  email?: string;
  type: 'user' | 'group' | 'schedule' | 'external';
};

/** A stretch of time one person is on call. @public */
export type OnCallShift = {
  target: OnCallTarget;
  start: string;
  end: string;
  /** Why: the rotation layer's name, or `override`. */
  source: string;
};

/** One level of an escalation policy. @public */
export type EscalationLevel = {
  level: number;
  targets: OnCallTarget[];
  /** Minutes before the next level is paged. */
  timeoutMinutes: number;
};

/** Who is on call for an entity, now and next, and how to escalate. @public */
export type OnCallSummary = {
  entityRef: string;
  /** false when the entity has neither `readiness.io/oncall` nor a provider's annotation. */
  configured: boolean;
  provider?: string;
  current?: OnCallShift;
  next?: OnCallShift;
  levels: EscalationLevel[];
  /** Hours in the next 14 days with nobody on call. */
  uncoveredHours14d?: number;
  /** Links to the provider's own page (PagerDuty service, the on-call file). */
  links: Array<{ title: string; url: string }>;
};

/** A recorded escalation. @public */
export type Escalation = {
  id: string;
  entityRef: string;
  provider: string;
  level: number;
  reason: string;
  actor: string;
  createdAt: string;
  /** Who was notified (user refs), or the provider's incident/dedup key. */
  notified: string[];
  externalId?: string;
  message: string;
};

/**
 * An environment recorded with the readiness backend: the environment Resource, the System it serves and its tier.
 * Gates scoped to an environment (`environment: production` in a track) apply to the System's components while an
 * active environment of that tier (or name) is recorded.
 *
 * @public
 */
export type ReadinessEnvironment = {
  /** The environment Resource, e.g. `resource:default/rag-staging`. */
  entityRef: string;
  /** The System it serves, e.g. `system:default/rag-platform`. */
  systemRef: string;
  /** e.g. `dev`, `staging`, `production`. */
  tier: string;
  status: 'active' | 'decommissioned';
  recordedBy: string;
  recordedAt: string;
  /** The scaffolder task that provisioned it. */
  taskId?: string;
  decommissionedBy?: string;
  decommissionedAt?: string;
};

/** What recording an environment takes (PUT /environments/{namespace}/{name}). @public */
export type EnvironmentRecordRequest = {
  /** The System: a ref (`system:default/rag-platform`) or a name in the environment's namespace. */
  system: string;
  tier: string;
  taskId?: string;
  /** Who asked for it, when a service (the scaffolder) records for a person; ignored for users. */
  requestedBy?: string;
};
