import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { demoEntities } from '@internal/readiness-demo-catalog';
import { Knex } from 'knex';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseEnvironmentStore } from '../environments/DatabaseEnvironmentStore';
import { EnvironmentService } from '../environments/EnvironmentService';
import { createCatalogFactSource } from '../facts/catalog/catalogFactSource';
import { DatabaseEvidenceStore } from '../facts/evidence/DatabaseEvidenceStore';
import { createEvidenceFactSource } from '../facts/evidence/evidenceFactSource';
import { DatabaseAttestationStore } from '../scorecards/attestations/DatabaseAttestationStore';
import { EvaluationInputs } from '../scorecards/evaluation/EvaluationInputs';
import { RegressionNotifier } from '../scorecards/RegressionNotifier';
import { DatabaseResultStore } from '../scorecards/results/DatabaseResultStore';
import { ScorecardEvaluator } from '../scorecards/ScorecardEvaluator';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { DatabaseWaiverStore } from '../scorecards/waivers/DatabaseWaiverStore';
import { exampleTrackRegistry } from './exampleTrackRegistry';

/**
 * The evaluation of the demo catalog as the backend wires it, on a test database: the catalog and evidence fact
 * sources (deployments, runbooks and on-call have their own tests; here their facts are simply absent), the stores,
 * the evaluator, and the notifications it sends.
 */
export async function evaluationSetup(
  knex: Knex,
  given: {
    tracks?: TrackRegistry;
    entities?: Entity[];
    permissions?: PermissionsService;
  } = {},
) {
  await applyDatabaseMigrations(knex);
  const evidence = DatabaseEvidenceStore.create(knex);
  const sent: NotificationSendOptions[] = [];
  const entities = given.entities ?? demoEntities();
  const tracks =
    given.tracks ??
    (await exampleTrackRegistry([
      'rag-production-readiness',
      'service-baseline',
    ]));
  const catalogClient = new InMemoryCatalogClient({ entities });
  const catalog = EntityCatalog.create({
    catalog: catalogClient as any,
    auth: mockServices.auth(),
    ...(given.permissions ? { permissions: given.permissions } : {}),
  });
  const results = DatabaseResultStore.create(knex);
  const logger = mockServices.logger.mock();
  const evaluator = ScorecardEvaluator.create({
    inputs: EvaluationInputs.create({
      tracks,
      factSources: [
        createCatalogFactSource(),
        createEvidenceFactSource(evidence),
      ],
      catalog,
      attestations: DatabaseAttestationStore.create(knex),
      waivers: DatabaseWaiverStore.create(knex),
      environments: EnvironmentService.create({
        catalog,
        store: DatabaseEnvironmentStore.create(knex),
        onChange: () => {},
      }),
    }),
    results,
    notifier: RegressionNotifier.create({
      tracks,
      logger,
      notifications: {
        send: async (options: NotificationSendOptions) =>
          void sent.push(options),
      },
    }),
  });
  return {
    knex,
    evidence,
    sent,
    entities,
    tracks,
    catalog,
    catalogClient,
    results,
    evaluator,
    logger,
  };
}
