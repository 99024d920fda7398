/* The Readiness API as one interface, implemented by ReadinessClient (and by fakes in tests). */
import {
  Attestation,
  CheckTargetRequest,
  EntityScorecard,
  GateAnswer,
  ScorecardSummary,
  ReadinessOverview,
  SystemReadiness,
  Track,
  Transition,
  Waiver,
} from './scorecards';
import { Evidence, EvidenceRequest } from './facts';
import { TrackPreview, TrackPreviewRequest, TrackSource } from './preview';
import {
  Deployment,
  DeploymentBatchResult,
  DeploymentMatrix,
  DeploymentRequest,
  RollbackResult,
} from './deployments';
import { AlertRunbooks, EntityRunbooks } from './runbooks';
import { Escalation, OnCallSummary } from './oncall';
import { EnvironmentRecordRequest, ReadinessEnvironment } from './environments';
import {
  CampaignDetail,
  CampaignExemptionRequest,
  CampaignList,
  CampaignReminder,
  EntityCampaigns,
} from './campaigns';

/** The Readiness API. @public */
export interface ReadinessApi {
  getTracks(): Promise<Track[]>;
  /** A loaded track's file as written (`GET /tracks/{trackId}/source`). */
  getTrackSource(trackId: string): Promise<TrackSource>;
  /** What a proposed track would do to the catalog (`POST /tracks/preview`). */
  previewTrack(request: TrackPreviewRequest): Promise<TrackPreview>;
  getScorecard(entityRef: string): Promise<EntityScorecard>;
  /** The scorecard's compact form: verdicts, statuses and sentences, without the track definitions. */
  getScorecardSummary(entityRef: string): Promise<ScorecardSummary>;
  getOverview(filters?: {
    trackId?: string;
    owner?: string;
    system?: string;
    status?: string;
  }): Promise<ReadinessOverview>;
  getScorecardHistory(
    entityRef: string,
    options?: { trackId?: string; limit?: number; before?: string },
  ): Promise<Transition[]>;
  refreshScorecard(entityRef: string): Promise<Transition[]>;
  getGate(
    entityRef: string,
    trackId: string,
    gateId: string,
  ): Promise<GateAnswer>;
  getSystemReadiness(systemRef: string): Promise<SystemReadiness>;
  createEvidence(evidence: EvidenceRequest): Promise<Evidence>;
  createAttestation(
    request: CheckTargetRequest & {
      note?: string;
      link?: string;
      validUntil?: string;
    },
  ): Promise<Attestation>;
  requestWaiver(
    request: CheckTargetRequest & { reason: string; expiresAt: string },
  ): Promise<Waiver>;
  approveWaiver(id: string): Promise<Waiver>;
  revokeWaiver(id: string): Promise<Waiver>;
  createDeployment(deployment: DeploymentRequest): Promise<Deployment>;
  createDeployments(
    deployments: DeploymentRequest[],
  ): Promise<DeploymentBatchResult[]>;
  listDeployments(
    entityRef: string,
    options?: { environment?: string; limit?: number; offset?: number },
  ): Promise<{ items: Deployment[]; total: number }>;
  getDeploymentMatrix(entityRef: string): Promise<DeploymentMatrix>;
  getSystemDeployments(systemRef: string): Promise<{
    systemRef: string;
    environments: string[];
    items: DeploymentMatrix[];
  }>;
  rollbackDeployment(id: string, reason?: string): Promise<RollbackResult>;
  getRunbooks(entityRef: string): Promise<EntityRunbooks>;
  getRunbooksByAlert(alert: string): Promise<AlertRunbooks>;
  getOnCall(entityRef: string): Promise<OnCallSummary>;
  listEscalations(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<Escalation[]>;
  escalate(
    entityRef: string,
    request: { reason: string; level?: number },
  ): Promise<Escalation>;
  listEnvironments(options?: {
    system?: string;
    includeDecommissioned?: boolean;
  }): Promise<ReadinessEnvironment[]>;
  recordEnvironment(
    entityRef: string,
    request: EnvironmentRecordRequest,
  ): Promise<ReadinessEnvironment>;
  decommissionEnvironment(
    entityRef: string,
    request?: { taskId?: string; requestedBy?: string },
  ): Promise<ReadinessEnvironment>;
  /** Every campaign with its progress and forecast. */
  listCampaigns(): Promise<CampaignList>;
  /** One campaign: burn-up, teams, entities and top blockers. */
  getCampaign(campaignId: string): Promise<CampaignDetail>;
  /** The campaigns an entity is part of. */
  getEntityCampaigns(entityRef: string): Promise<EntityCampaigns>;
  /** Reminds the owners behind now (rate-limited per campaign). */
  nudgeCampaign(campaignId: string): Promise<CampaignReminder>;
  /** Asks to exempt an entity from a campaign (a waiver scoped to it). */
  requestCampaignExemption(
    campaignId: string,
    request: CampaignExemptionRequest,
  ): Promise<Waiver>;
}
