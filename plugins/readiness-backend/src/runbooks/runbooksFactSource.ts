import { stringifyEntityRef } from '@backstage/catalog-model';
import { Fact } from '@internal/plugin-readiness-common';
import { ReadinessFactSource } from '@internal/plugin-readiness-node';
import { RUNBOOKS_ANNOTATION, RunbookService } from './RunbookService';

const TYPES = ['runbooks.present', 'runbooks.count', 'runbooks.oldestReviewAgeDays', 'runbooks.uncoveredAlerts', 'runbooks.broken'];

/**
 * The `runbooks.*` facts:
 * - `present`: the entity has at least one readable runbook with valid front matter;
 * - `count`: how many of those;
 * - `oldestReviewAgeDays`: days since the least recently reviewed one (`lastReviewed`), null when none says;
 * - `uncoveredAlerts`: the entity's alerts no runbook lists (empty list: every alert has one);
 * - `broken`: targets that cannot be read or whose front matter is malformed.
 */
export function createRunbooksFactSource(runbooks: RunbookService): ReadinessFactSource {
  return {
    id: 'runbooks',
    factTypes: TYPES.map(type => ({ type, description: `Runbooks: ${type.slice('runbooks.'.length)}` })),
    async getFacts({ entities, types }) {
      const wanted = TYPES.filter(t => !types || types.includes(t));
      if (wanted.length === 0) return [];
      const facts: Fact[] = [];
      const observedAt = new Date().toISOString();
      for (const entity of entities) {
        const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        const has = Boolean(entity.metadata.annotations?.[RUNBOOKS_ANNOTATION]);
        const read = has ? await runbooks.forEntity(entity) : undefined;
        const ok = read?.runbooks.filter(r => r.status === 'ok') ?? [];
        const ages = ok.map(r => r.reviewAgeDays).filter((a): a is number => a !== undefined);
        const values: Record<string, Fact['value']> = {
          'runbooks.present': ok.length > 0,
          'runbooks.count': ok.length,
          'runbooks.oldestReviewAgeDays': ages.length ? Math.max(...ages) : null,
          'runbooks.uncoveredAlerts': read?.uncoveredAlerts ?? [],
          'runbooks.broken': read?.runbooks.filter(r => r.status !== 'ok').map(r => r.target) ?? [],
        };
        for (const type of wanted) facts.push({ entityRef, type, value: values[type], source: 'runbooks', observedAt });
      }
      return facts;
    },
  };
}
