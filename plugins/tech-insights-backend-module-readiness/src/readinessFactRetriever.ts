import { parseEntityRef } from '@backstage/catalog-model';
import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  describeEntityReadiness,
  OverviewRow,
  Track,
} from '@readiness-io/plugin-readiness-common';
import { createServiceReadinessClient } from '@readiness-io/plugin-readiness-node';

/** The id tech-insights checks name in `factIds`. @public */
export const READINESS_FACT_RETRIEVER_ID = 'readinessFactRetriever';

/**
 * The facts of one entity from its overview rows (one per track that applies).
 * - `gatesPassed` / `gatesTotal`: across every track (gates scoped to an environment the system lacks do not count);
 * - `gates`: by track id, by gate id, the gate's status (passed, failed, blocked, unknown or not-applicable), so a check reads one gate with
 *   `path: "$['rag-production-readiness']['backend-verified']"`;
 * - `nextGates`: by track id, the next gate, for tracks not passed;
 * - `blockedRootCauses`: how many failing or unmeasured checks keep the next gates from passing;
 * - `verdict`: the entity's readiness in a sentence, as the catalog's readiness column says it
 *   (`Not ready: the next gate, “Backend verified (sprint 2)” of RAG production readiness, fails; 3 checks hold it back.`).
 *
 * @public
 */
export function factsOf(rows: OverviewRow[], tracks: Track[] = []) {
  const gates: Record<string, Record<string, string>> = {};
  const nextGates: Record<string, string> = {};
  for (const row of rows) {
    gates[row.trackId] = row.gates;
    if (row.nextGate) nextGates[row.trackId] = row.nextGate;
  }
  return {
    gatesPassed: rows.reduce((n, r) => n + r.gatesPassed, 0),
    gatesTotal: rows.reduce((n, r) => n + r.gatesTotal, 0),
    gates,
    nextGates,
    blockedRootCauses: rows.reduce((n, r) => n + r.rootCauses.length, 0),
    verdict: describeEntityReadiness(rows, tracks).description,
  };
}

/**
 * A tech-insights fact retriever exposing each entity's readiness, read from the readiness backend's
 * `GET /overview` (the stored results of its last evaluation, so a run costs one request, not one per entity).
 * Entities not evaluated yet are left out until they are.
 *
 * @public
 */
export const readinessFactRetriever: FactRetriever = {
  id: READINESS_FACT_RETRIEVER_ID,
  // 0.2.0: gate statuses may be not-applicable, and gatesTotal counts only the gates that apply.
  // 0.3.0: descriptions are short labels people read next to a value (the app's Scorecard tab shows them).
  // 0.4.0: `verdict`, the readiness in a sentence.
  version: '0.4.0',
  title: 'Readiness',
  description:
    'Gates passed, every gate status and the blocking root causes of each entity, from the readiness backend',
  entityFilter: [{ kind: ['component', 'resource', 'api', 'system'] }],
  schema: {
    gatesPassed: {
      type: 'integer',
      description: 'Gates passed',
    },
    gatesTotal: {
      type: 'integer',
      description: 'Gates that apply',
    },
    gates: {
      type: 'object',
      // By track id, by gate id: passed | failed | blocked | unknown | not-applicable.
      description: 'Gate status',
    },
    nextGates: {
      type: 'object',
      // By track id: the id of the next gate to pass.
      description: 'Next gate',
    },
    blockedRootCauses: {
      type: 'integer',
      description: 'Checks blocking the next gates',
    },
    verdict: {
      type: 'string',
      description: 'Readiness',
    },
  },
  async handler({ discovery, auth, logger }): Promise<TechInsightFact[]> {
    const client = createServiceReadinessClient(discovery, auth);
    const [overview, tracks] = await Promise.all([
      client.getOverview(),
      client.getTracks(),
    ]);
    const byEntity = new Map<string, OverviewRow[]>();
    for (const row of overview.items) {
      if (row.status === 'not-evaluated') continue;
      const list = byEntity.get(row.entityRef) ?? [];
      list.push(row);
      byEntity.set(row.entityRef, list);
    }
    logger.info(`Readiness facts for ${byEntity.size} entities`);
    return [...byEntity.entries()].map(([entityRef, rows]) => {
      const { kind, namespace, name } = parseEntityRef(entityRef);
      return {
        entity: { kind, namespace, name },
        facts: factsOf(rows, tracks),
      };
    });
  },
};
