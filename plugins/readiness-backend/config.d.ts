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
    /** The scheduled re-evaluation of every entity a track applies to (runs once across replicas). */
    evaluation?: {
      /** How often; default every 10 minutes. */
      frequency?: HumanDuration;
      /** How long one run may take; default 5 minutes. */
      timeout?: HumanDuration;
      /** Delay before the first run after start-up; default 20 seconds. */
      initialDelay?: HumanDuration;
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
