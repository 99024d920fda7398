import express from 'express';
import { ReadinessService } from '../scorecards/ReadinessService';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { EvidenceStore } from '../facts/evidence/EvidenceStore';
import { AttestationStore } from '../scorecards/attestations/AttestationStore';
import { WaiverStore } from '../scorecards/waivers/WaiverStore';
import { ResultStore } from '../scorecards/results/ResultStore';
import { registerScorecardRoutes } from '../scorecards/routes';
import { registerEvidenceRoutes } from '../facts/evidence/routes';
import { registerAttestationRoutes } from '../scorecards/attestations/routes';
import { registerWaiverRoutes } from '../scorecards/waivers/routes';
import { createReadinessRouter } from './ReadinessRouter';
import { registerDeploymentRoutes } from '../deployments/routes';
import { DeploymentService } from '../deployments/DeploymentService';
import { RouteContext } from './routeContext';
import { registerRunbookRoutes } from '../runbooks/routes';
import { RunbookService } from '../runbooks/RunbookService';
import { registerOnCallRoutes } from '../oncall/routes';
import { OnCallService } from '../oncall/OnCallService';
import { registerEnvironmentRoutes } from '../environments/routes';
import { EnvironmentStore } from '../environments/EnvironmentStore';

/** The plugin's HTTP API: every capability's routes on one router validated against openapi.yaml. */
export async function createRouter(
  deps: RouteContext & {
    service: ReadinessService;
    tracks: TrackRegistry;
    evidence: EvidenceStore;
    attestations: AttestationStore;
    waivers: WaiverStore;
    results: ResultStore;
    deployments: DeploymentService;
    runbooks: RunbookService;
    oncall: OnCallService;
    environments: EnvironmentStore;
    maxWaiverDays: number;
  },
): Promise<express.Router> {
  const router = createReadinessRouter();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  registerScorecardRoutes(router, deps);
  registerEvidenceRoutes(router, deps);
  registerAttestationRoutes(router, deps);
  registerWaiverRoutes(router, deps);
  registerDeploymentRoutes(router, deps);
  registerRunbookRoutes(router, deps);
  registerOnCallRoutes(router, deps);
  registerEnvironmentRoutes(router, deps);
  return router;
}
