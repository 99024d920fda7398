import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  coreServices,
  createBackendModule,
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { targetPaths } from '@backstage/cli-common';
import { ConfigReader } from '@backstage/config';
import { JsonRulesEngineFactChecker } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
// The retriever is tested against the real readiness backend, not a stand-in.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness-io/plugin-readiness-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { demoEntities } from '@internal/readiness-demo-catalog';
import { readinessFactRetriever } from './readinessFactRetriever';

jest.setTimeout(60_000);

const appConfig = parse(
  fs.readFileSync(path.join(targetPaths.rootDir, 'app-config.yaml'), 'utf8'),
);

/** The readiness backend on the demo catalog with the demo evidence, and this backend's discovery and auth. */
async function startReadiness() {
  let services:
    | { discovery: DiscoveryService; auth: AuthService; logger: LoggerService }
    | undefined;
  const capture = createBackendModule({
    pluginId: 'readiness',
    moduleId: 'test-services',
    register(reg) {
      reg.registerInit({
        deps: {
          discovery: coreServices.discovery,
          auth: coreServices.auth,
          logger: coreServices.logger,
        },
        async init(deps) {
          services = deps;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      capture,
      catalogServiceMock.factory({ entities: demoEntities() }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            tracks: ['rag-production-readiness', 'service-baseline'].map(t =>
              path.join(targetPaths.rootDir, 'examples/readiness', `${t}.yaml`),
            ),
            demo: { seed: true },
          },
        },
      }),
    ],
  });
  return { backend, ...services! };
}

describe('readinessFactRetriever', () => {
  let facts: TechInsightFact[];

  beforeAll(async () => {
    const { discovery, auth, logger } = await startReadiness();
    const context = {
      discovery,
      auth,
      logger,
      config: new ConfigReader({}),
      urlReader: mockServices.urlReader.mock(),
    };
    // Evaluate the components now (as the readiness backend's schedule would): the retriever reads stored results.
    const base = await discovery.getBaseUrl('readiness');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'readiness',
    });
    for (const name of [
      'rag-api',
      'rag-web',
      'rag-retriever',
      'rag-ingestion',
    ]) {
      const res = await fetch(
        `${base}/scorecards/component/default/${name}/refresh`,
        { method: 'POST', headers: { Authorization: `Bearer ${token}` } },
      );
      if (res.status !== 200)
        throw new Error(`refresh of ${name} answered ${res.status}`);
    }
    facts = await readinessFactRetriever.handler(context as any);
  });

  it("reads every evaluated entity's readiness from the running readiness backend", () => {
    const api = facts.find(f => f.entity.name === 'rag-api')!;
    expect(api.entity).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'rag-api',
    });
    expect(api.facts).toMatchObject({
      // 10 + 2: production-verified does not count while rag-platform has no production environment.
      gatesTotal: 12,
      gates: {
        'rag-production-readiness': {
          'backend-verified': 'failed',
          'deployment-prepared': 'blocked',
          'production-verified': 'not-applicable',
        },
        'service-baseline': { catalogued: 'passed' },
      },
      nextGates: { 'rag-production-readiness': 'backend-verified' },
    });
    expect(api.facts.blockedRootCauses).toBeGreaterThanOrEqual(3);
    // In words, with titles from the tracks (no ids).
    expect(api.facts.verdict).toMatch(
      /^Not ready: the next gate, “Backend verified \(sprint 2\)” of RAG production readiness, fails; \d+ checks hold it back\.$/,
    );
    // Every fact is declared in the schema with its type.
    for (const [name, value] of Object.entries(api.facts)) {
      const type = readinessFactRetriever.schema[name].type;
      expect([
        name,
        {
          integer: Number.isInteger(value),
          string: typeof value === 'string',
          object: typeof value === 'object',
        }[type as string],
      ]).toEqual([name, true]);
    }
  });

  it('makes the checks configured in app-config.yaml fail for rag-api, through JsonRulesEngineFactChecker', async () => {
    const checks = Object.entries(
      appConfig.techInsights.factChecker.checks as Record<string, any>,
    )
      .filter(([, c]) => c.factIds.includes('readinessFactRetriever'))
      .map(([id, c]) => ({ id, ...c }));
    expect(checks.map(c => c.name)).toEqual([
      'Backend verified',
      'Deployment prepared',
      'Nothing blocks the next readiness gate',
    ]);
    // And one that passes, so a path the rules engine could not read (always false) would show.
    checks.push({
      id: 'serviceBaselineCatalogued',
      type: 'json-rules-engine',
      name: 'Catalogued',
      description: 'The service baseline gate "Catalogued" has passed.',
      factIds: ['readinessFactRetriever'],
      rule: {
        conditions: {
          all: [
            {
              fact: 'gates',
              path: "$['service-baseline']['catalogued']",
              operator: 'equal',
              value: 'passed',
            },
          ],
        },
      },
    });
    const byEntity = new Map(
      facts.map(f => [`component:default/${f.entity.name}`, f]),
    );
    const checker = new JsonRulesEngineFactChecker({
      checks,
      logger: mockServices.logger.mock(),
      repository: {
        getLatestFactsByIds: async (ids: string[], entity: string) =>
          Object.fromEntries(
            ids
              .filter(id => id === readinessFactRetriever.id)
              .map(id => [
                id,
                {
                  id,
                  entity: byEntity.get(entity)!.entity,
                  timestamp: new Date() as any,
                  version: readinessFactRetriever.version,
                  facts: byEntity.get(entity)!.facts,
                },
              ]),
          ),
        getLatestSchemas: async () => [
          {
            id: readinessFactRetriever.id,
            version: readinessFactRetriever.version,
            entityFilter: readinessFactRetriever.entityFilter,
            ...readinessFactRetriever.schema,
          },
        ],
      } as any,
    });
    const results = await checker.runChecks('component:default/rag-api');
    expect(results.map(r => [r.check.name, r.result]).sort()).toEqual([
      ['Backend verified', false],
      ['Catalogued', true],
      ['Deployment prepared', false],
      ['Nothing blocks the next readiness gate', false],
    ]);
  });
});
