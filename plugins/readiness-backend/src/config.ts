import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/** The plugin's configuration, read once. */
export interface ReadinessConfig {
  evaluation: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    initialDelay: HumanDuration;
    /** The oldest a stored scorecard may be served. */
    scorecardMaxAge: HumanDuration;
  };
  maxWaiverDays: number;
  /** What a broken track file does at start-up: reported (the default), or the backend fails to start. */
  trackErrors: 'report' | 'fail';
  demoSeed: boolean;
  rollbackWebhook?: { url: string; secret: string };
  /** Directories local files (runbooks, on-call files, rules) may be read from, absolute. */
  localRoots?: string[];
  runbooks: { refresh: HumanDuration };
  oncall: { escalationRateLimit: { max: number; windowMinutes: number } };
  campaigns: {
    /** Campaign files (`kind: Campaign`), like track files. */
    files: string[];
    /** The shortest time between two nudges of one campaign. */
    nudgeInterval: HumanDuration;
    /** How often progress is recorded and reminders that are due are sent. */
    frequency: HumanDuration;
    /** How long after start-up the first run waits. */
    initialDelay: HumanDuration;
  };
}

export function readReadinessConfig(config: Config): ReadinessConfig {
  const evaluation = config.getOptionalConfig('readiness.evaluation');
  const duration = (key: string, fallback: HumanDuration) =>
    evaluation?.has(key)
      ? readDurationFromConfig(evaluation.getConfig(key))
      : fallback;
  const maxWaiverDays =
    config.getOptionalNumber('readiness.waivers.maxDays') ?? 90;
  if (!Number.isInteger(maxWaiverDays) || maxWaiverDays < 1) {
    throw new Error(
      `readiness.waivers.maxDays must be a whole number of days above 0, got ${maxWaiverDays}`,
    );
  }
  const trackErrors =
    config.getOptionalString('readiness.trackErrors') ?? 'report';
  if (trackErrors !== 'report' && trackErrors !== 'fail') {
    throw new Error(
      `readiness.trackErrors must be 'report' or 'fail', got '${trackErrors}'`,
    );
  }
  const hook = config.getOptionalConfig(
    'readiness.deployments.rollbackWebhook',
  );
  let rollbackWebhook: ReadinessConfig['rollbackWebhook'];
  if (hook) {
    const url = hook.getString('url');
    if (!/^https?:\/\//.test(url)) {
      throw new Error(
        `readiness.deployments.rollbackWebhook.url must be an http(s) URL, got '${url}'`,
      );
    }
    rollbackWebhook = { url, secret: hook.getString('secret') };
  }
  const limit = config.getOptionalConfig(
    'readiness.oncall.escalationRateLimit',
  );
  const escalationRateLimit = {
    max: limit?.getOptionalNumber('max') ?? 5,
    windowMinutes: limit?.getOptionalNumber('windowMinutes') ?? 10,
  };
  for (const [key, value] of Object.entries(escalationRateLimit)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `readiness.oncall.escalationRateLimit.${key} must be a whole number above 0, got ${value}`,
      );
    }
  }
  const localRoots = config.getOptionalStringArray('readiness.localRoots');
  const campaigns = config.getOptionalConfig('readiness.campaigns');
  const campaignDuration = (key: string, fallback: HumanDuration) =>
    campaigns?.has(key)
      ? readDurationFromConfig(campaigns.getConfig(key))
      : fallback;
  const refresh = config.getOptionalConfig('readiness.runbooks.refresh');
  return {
    trackErrors,
    ...(rollbackWebhook ? { rollbackWebhook } : {}),
    ...(localRoots ? { localRoots } : {}),
    runbooks: {
      refresh: refresh ? readDurationFromConfig(refresh) : { minutes: 15 },
    },
    oncall: { escalationRateLimit },
    campaigns: {
      files: campaigns?.getOptionalStringArray('files') ?? [],
      nudgeInterval: campaignDuration('nudgeInterval', { hours: 1 }),
      frequency: campaignDuration('frequency', { hours: 1 }),
      initialDelay: campaignDuration('initialDelay', { minutes: 1 }),
    },
    evaluation: {
      frequency: duration('frequency', { minutes: 10 }),
      timeout: duration('timeout', { minutes: 5 }),
      initialDelay: duration('initialDelay', { seconds: 20 }),
      scorecardMaxAge: duration('scorecardMaxAge', { minutes: 30 }),
    },
    maxWaiverDays,
    demoSeed: config.getOptionalBoolean('readiness.demo.seed') ?? false,
  };
}
