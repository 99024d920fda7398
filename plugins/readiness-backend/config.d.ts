import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Readiness backend plugin. */
  readiness?: {
    /**
     * Track files (YAML, `apiVersion: readiness.io/v1`, `kind: Track`). Local paths are relative to the
     * repository root (the directory of app-config.yaml); http(s) URLs are read through the UrlReader and must be
     * allowed by backend.reading.allow.
     */
    tracks?: string[];
    /** Campaigns: a readiness goal over many entities with a deadline. */
    campaigns?: {
      /**
       * Campaign files (YAML, `apiVersion: readiness.io/v1`, `kind: Campaign`), read like track files and checked
       * against the loaded tracks at start-up (a broken file is reported, or stops the start with trackErrors: fail).
       */
      files?: string[];
      /** The shortest time between two nudges of one campaign by its owner; default one hour. */
      nudgeInterval?: HumanDuration;
      /** How often each campaign's progress is recorded (one snapshot per day) and due reminders sent; default hourly. */
      frequency?: HumanDuration;
      /** How long after start-up the first run waits; default one minute. */
      initialDelay?: HumanDuration;
    };
    /**
     * What a track file that cannot be read or has an error does at start-up. `report` (the default): the backend
     * starts without that track, logs the error with the file and the path inside it, and reports it through the
     * API (`GET /tracks`, the overview, every scorecard) and on the Readiness page; every other track, deployments,
     * runbooks, on-call and environments keep working. `fail`: the backend refuses to start (the error names the
     * file), for deployments that bake their tracks into the image and want a rollout to stop on a broken one.
     */
    trackErrors?: 'report' | 'fail';
    /** The scheduled re-evaluation of every entity a track applies to (runs once across replicas). */
    evaluation?: {
      /** How often; default every 10 minutes. */
      frequency?: HumanDuration;
      /** How long one run may take; default 5 minutes. */
      timeout?: HumanDuration;
      /** Delay before the first run after start-up; default 20 seconds. */
      initialDelay?: HumanDuration;
      /**
       * The oldest a stored scorecard may be before a read evaluates it again; default 30 minutes. Each run computes
       * again the scorecards older than half of it, so with the defaults none is served older than 25 minutes.
       */
      scorecardMaxAge?: HumanDuration;
    };
    /** Waivers. */
    waivers?: {
      /** The longest a waiver may last, in days; default 90. */
      maxDays?: number;
    };
    /** Deployments. */
    deployments?: {
      /**
       * Called when someone rolls a deployment back from the portal, so a real CD system can act on it. The body is
       * JSON; the header X-Readiness-Signature is `sha256=` + the HMAC-SHA256 of the body with the secret.
       */
      rollbackWebhook?: {
        url: string;
        /** @visibility secret */
        secret: string;
      };
    };
    /**
     * Directories local files may be read from when an entity registered from a local catalog file points its
     * readiness.io/runbooks, readiness.io/oncall or readiness.io/prometheus-rules annotation at a relative path.
     * Relative to the directory of app-config.yaml; default: that directory. URLs are governed by backend.reading.allow.
     */
    localRoots?: string[];
    /** Runbooks (annotation readiness.io/runbooks). */
    runbooks?: {
      /** How often every entity's runbooks are read again into the cache; default every 15 minutes. */
      refresh?: HumanDuration;
    };
    /** On-call: on-call as code (annotation readiness.io/oncall) and PagerDuty (pagerduty.com/service-id). */
    oncall?: {
      /** Escalations per person from the portal; default 5 per 10 minutes. */
      escalationRateLimit?: {
        max?: number;
        windowMinutes?: number;
      };
      /** PagerDuty: on-call and escalation policies from the REST API v2, escalation through the Events API v2. */
      pagerduty?: {
        /** Default https://api.pagerduty.com */
        apiBaseUrl?: string;
        /** Default https://events.pagerduty.com */
        eventsBaseUrl?: string;
        /** The account's web address, e.g. https://acme.pagerduty.com, for links to services. */
        webBaseUrl?: string;
        /**
         * A REST API key.
         * @visibility secret
         */
        token: string;
        /** How often a rate-limited request is retried; default 2. */
        maxRetries?: number;
        /** The longest wait before a retry, in milliseconds; default 5000. */
        maxRetryWaitMs?: number;
      };
    };
    /** Who may do what beyond the defaults of the portal's permission policy. */
    permissions?: {
      /** Users or groups (entity refs; a bare name is a group) who may push evidence by hand. */
      evidenceWriters?: string[];
    };
    /** Demo data. Never enable this in production. */
    demo?: {
      /**
       * Record demo evidence for the RAG demo catalog at start-up (marked as demo data), reproducing the seed
       * report: OIDC login failing on rag-api, so every later gate is blocked.
       */
      seed?: boolean;
    };
  };
}
