import { stringifyEntityRef } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ReadinessFactSource } from '@readiness-io/plugin-readiness-node';
import { createFixedFactSource } from '../facts/fixedFactSource';
import { OnCallService } from './OnCallService';

const TYPES = [
  'oncall.configured',
  'oncall.escalationLevels',
  'oncall.uncoveredHours14d',
];

/**
 * The `oncall.*` facts (the seed's "support and escalation procedures"):
 * - `configured`: an on-call provider answers for the entity;
 * - `escalationLevels`: how many levels its escalation policy has;
 * - `uncoveredHours14d`: hours in the next 14 days with nobody on call.
 * When the provider fails (a broken on-call file, PagerDuty down) the two numbers are null, so checks fail.
 */
export function createOnCallFactSource(
  oncall: OnCallService,
  logger: LoggerService,
): ReadinessFactSource {
  return createFixedFactSource({
    id: 'oncall',
    factTypes: TYPES.map(type => ({
      type,
      description: `On-call: ${type.slice('oncall.'.length)}`,
    })),
    async valuesOf(entity, wanted) {
      const configured = Boolean(oncall.providerFor(entity));
      let levels: number | null = configured ? null : 0;
      let uncovered: number | null = configured ? null : 24 * 14;
      if (configured && wanted.some(t => t !== 'oncall.configured')) {
        try {
          const coverage = (await oncall.coverage(entity))!;
          levels = coverage.levels.length;
          uncovered = coverage.uncoveredHours14d;
        } catch (error) {
          logger.warn(
            `On-call of ${stringifyEntityRef(entity)} cannot be read: ${error}`,
          );
        }
      }
      return {
        'oncall.configured': configured,
        'oncall.escalationLevels': levels,
        'oncall.uncoveredHours14d': uncovered,
      };
    },
  });
}
