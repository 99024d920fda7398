import { ReadinessFactSource } from '@readiness-io/plugin-readiness-node';
import { createFixedFactSource } from '../facts/fixedFactSource';
import { RUNBOOKS_ANNOTATION, RunbookService } from './RunbookService';

const TYPES = [
  'runbooks.present',
  'runbooks.count',
  'runbooks.oldestReviewAgeDays',
  'runbooks.uncoveredAlerts',
  'runbooks.broken',
];

/**
 * The `runbooks.*` facts:
 * - `present`: the entity has at least one readable runbook with valid front matter;
 * - `count`: how many of those;
 * - `oldestReviewAgeDays`: days since the least recently reviewed one (`lastReviewed`), null when none says;
 * - `uncoveredAlerts`: the entity's alerts no runbook lists (empty list: every alert has one);
 * - `broken`: targets that cannot be read or whose front matter is malformed.
 */
export function createRunbooksFactSource(
  runbooks: RunbookService,
): ReadinessFactSource {
  return createFixedFactSource({
    id: 'runbooks',
    factTypes: TYPES.map(type => ({
      type,
      description: `Runbooks: ${type.slice('runbooks.'.length)}`,
    })),
    async valuesOf(entity) {
      const has = Boolean(entity.metadata.annotations?.[RUNBOOKS_ANNOTATION]);
      const read = has ? await runbooks.forEntity(entity) : undefined;
      const ok = read?.runbooks.filter(r => r.status === 'ok') ?? [];
      const ages = ok
        .map(r => r.reviewAgeDays)
        .filter((a): a is number => a !== undefined);
      return {
        'runbooks.present': ok.length > 0,
        'runbooks.count': ok.length,
        'runbooks.oldestReviewAgeDays': ages.length ? Math.max(...ages) : null,
        'runbooks.uncoveredAlerts': read?.uncoveredAlerts ?? [],
        'runbooks.broken':
          read?.runbooks.filter(r => r.status !== 'ok').map(r => r.target) ??
          [],
      };
    },
  });
}
