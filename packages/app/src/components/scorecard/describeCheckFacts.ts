import type { JsonValue } from '@backstage/types';
import type { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import { formatValue } from '@readiness-io/plugin-readiness-common';

/** A json-rules-engine condition as the tech-insights fact checker answers it: what it read and what it expected. */
type AnsweredCondition = {
  fact?: string;
  path?: string;
  operator?: string;
  value?: JsonValue;
  factResult?: JsonValue;
  result?: boolean;
};

function conditionsOf(result: CheckResult): AnsweredCondition[] {
  const rule = (result.check as { rule?: { conditions?: unknown } }).rule;
  const top = rule?.conditions as
    | { all?: AnsweredCondition[]; any?: AnsweredCondition[] }
    | undefined;
  return [...(top?.all ?? []), ...(top?.any ?? [])].filter(
    c => typeof c?.fact === 'string',
  );
}

/**
 * What a tech-insights check read, in words: for each condition, the fact's description and the value it found at
 * the condition's path (`Gate status: failed`), never a whole fact as JSON. Checks answered without their rule fall
 * back to the facts' values.
 */
export function describeCheckFacts(result: CheckResult): string {
  const label = (fact: string) => {
    const description = result.facts[fact]?.description;
    return description && description.length <= 40 ? description : fact;
  };
  const conditions = conditionsOf(result);
  if (conditions.length > 0) {
    return conditions
      .map(c => `${label(c.fact!)}: ${formatValue(c.factResult ?? null)}`)
      .join('; ');
  }
  return Object.entries(result.facts)
    .map(
      ([name, fact]) =>
        `${label(name)}: ${formatValue(fact.value as JsonValue)}`,
    )
    .join('; ');
}
