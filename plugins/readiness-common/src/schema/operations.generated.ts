// This file is generated from plugins/readiness-backend/src/schema/openapi.yaml by
// plugins/readiness-backend/scripts/generate-openapi-module.mjs. Do not edit it by hand.
/* eslint-disable */

/** The Readiness API operations, from its OpenAPI spec. @public */
export const readinessOperations = {
  "GetHealth": {
    "method": "GET",
    "path": "/health"
  },
  "GetTracks": {
    "method": "GET",
    "path": "/tracks"
  },
  "GetTrackSource": {
    "method": "GET",
    "path": "/tracks/{trackId}/source"
  },
  "PreviewTrack": {
    "method": "POST",
    "path": "/tracks/preview"
  },
  "GetOverview": {
    "method": "GET",
    "path": "/overview"
  },
  "GetScorecard": {
    "method": "GET",
    "path": "/scorecards/{kind}/{namespace}/{name}"
  },
  "GetScorecardSummary": {
    "method": "GET",
    "path": "/scorecards/{kind}/{namespace}/{name}/summary"
  },
  "GetScorecardHistory": {
    "method": "GET",
    "path": "/scorecards/{kind}/{namespace}/{name}/history"
  },
  "RefreshScorecard": {
    "method": "POST",
    "path": "/scorecards/{kind}/{namespace}/{name}/refresh"
  },
  "GetGate": {
    "method": "GET",
    "path": "/gates/{kind}/{namespace}/{name}/{trackId}/{gateId}"
  },
  "GetSystemReadiness": {
    "method": "GET",
    "path": "/systems/{namespace}/{name}"
  },
  "CreateEvidence": {
    "method": "POST",
    "path": "/evidence"
  },
  "CreateAttestation": {
    "method": "POST",
    "path": "/attestations"
  },
  "RequestWaiver": {
    "method": "POST",
    "path": "/waivers"
  },
  "ApproveWaiver": {
    "method": "POST",
    "path": "/waivers/{id}/approve"
  },
  "RevokeWaiver": {
    "method": "POST",
    "path": "/waivers/{id}/revoke"
  },
  "CreateDeployment": {
    "method": "POST",
    "path": "/deployments"
  },
  "CreateDeployments": {
    "method": "POST",
    "path": "/deployments/batch"
  },
  "ListDeployments": {
    "method": "GET",
    "path": "/deployments/{kind}/{namespace}/{name}"
  },
  "GetDeploymentMatrix": {
    "method": "GET",
    "path": "/deployments/{kind}/{namespace}/{name}/environments"
  },
  "GetSystemDeployments": {
    "method": "GET",
    "path": "/systems/{namespace}/{name}/deployments"
  },
  "RollbackDeployment": {
    "method": "POST",
    "path": "/deployments/{id}/rollback"
  },
  "GetEntityRunbooks": {
    "method": "GET",
    "path": "/runbooks/{kind}/{namespace}/{name}"
  },
  "GetRunbooksByAlert": {
    "method": "GET",
    "path": "/runbooks/by-alert/{alert}"
  },
  "GetOnCall": {
    "method": "GET",
    "path": "/oncall/{kind}/{namespace}/{name}"
  },
  "ListEscalations": {
    "method": "GET",
    "path": "/oncall/{kind}/{namespace}/{name}/escalations"
  },
  "CreateEscalation": {
    "method": "POST",
    "path": "/oncall/{kind}/{namespace}/{name}/escalations"
  },
  "ListEnvironments": {
    "method": "GET",
    "path": "/environments"
  },
  "RecordEnvironment": {
    "method": "PUT",
    "path": "/environments/{namespace}/{name}"
  },
  "DecommissionEnvironment": {
    "method": "POST",
    "path": "/environments/{namespace}/{name}/decommission"
  },
  "ListCampaigns": {
    "method": "GET",
    "path": "/campaigns"
  },
  "GetCampaign": {
    "method": "GET",
    "path": "/campaigns/{campaignId}"
  },
  "NudgeCampaign": {
    "method": "POST",
    "path": "/campaigns/{campaignId}/nudge"
  },
  "RequestCampaignExemption": {
    "method": "POST",
    "path": "/campaigns/{campaignId}/exemptions"
  },
  "GetEntityCampaigns": {
    "method": "GET",
    "path": "/campaigns/by-entity/{kind}/{namespace}/{name}"
  }
} as const;
