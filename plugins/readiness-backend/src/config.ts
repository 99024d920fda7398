import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/** The plugin's configuration, read once. */
export interface ReadinessConfig {
  evaluation: { frequency: HumanDuration; timeout: HumanDuration; initialDelay: HumanDuration };
  maxWaiverDays: number;
  demoSeed: boolean;
  rollbackWebhook?: { url: string; secret: string };
}

export function readReadinessConfig(config: Config): ReadinessConfig {
  const evaluation = config.getOptionalConfig('readiness.evaluation');
  const duration = (key: string, fallback: HumanDuration) =>
    evaluation?.has(key) ? readDurationFromConfig(evaluation.getConfig(key)) : fallback;
  const maxWaiverDays = config.getOptionalNumber('readiness.waivers.maxDays') ?? 90;
  if (!Number.isInteger(maxWaiverDays) || maxWaiverDays < 1) {
    throw new Error(`readiness.waivers.maxDays must be a whole number of days above 0, got ${maxWaiverDays}`);
  }
  const hook = config.getOptionalConfig('readiness.deployments.rollbackWebhook');
  let rollbackWebhook: ReadinessConfig['rollbackWebhook'];
  if (hook) {
    const url = hook.getString('url');
    if (!/^https?:\/\//.test(url)) {
      throw new Error(`readiness.deployments.rollbackWebhook.url must be an http(s) URL, got '${url}'`);
    }
    rollbackWebhook = { url, secret: hook.getString('secret') };
  }
  return {
    ...(rollbackWebhook ? { rollbackWebhook } : {}),
    evaluation: {
      frequency: duration('frequency', { minutes: 10 }),
      timeout: duration('timeout', { minutes: 5 }),
      initialDelay: duration('initialDelay', { seconds: 20 }),
    },
    maxWaiverDays,
    demoSeed: config.getOptionalBoolean('readiness.demo.seed') ?? false,
  };
}
