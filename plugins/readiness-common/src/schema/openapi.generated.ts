// This file is generated from plugins/readiness-backend/src/schema/openapi.yaml by
// plugins/readiness-backend/scripts/generate-openapi-module.mjs (openapi-typescript). Do not edit it by hand.
/* eslint-disable */
import type { JsonValue as BackstageJsonValue } from '@backstage/types';

/** @public */
export interface paths {
    "/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs off a manual check; who signs comes from the credentials. */
        post: operations["CreateAttestation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every campaign (a readiness goal over many entities with a deadline) with its status, its progress from the stored results of the last evaluation (entities the caller may see) and its forecast; and the campaign files that could not be loaded. */
        get: operations["ListCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign: progress over time (the stored daily snapshots and today), by owning team (with the teams whose own trend misses the target date), every entity in scope with what it still needs, and the blockers behind the most entities. */
        get: operations["GetCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/exemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Asks to exempt one entity in scope from the campaign: a waiver scoped to the campaign (reason and expiry; it does not change the entity's scorecard). It counts once someone other than the requester approves it (`POST /waivers/\{id\}/approve`). Needs readiness.waiver.request. Audited. */
        post: operations["RequestCampaignExemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/{campaignId}/nudge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a reminder now, through Backstage notifications, to the owning groups of the entities not done. Needs readiness.campaign.nudge; one nudge per campaign per `readiness.campaigns.nudgeInterval` (429 with Retry-After before that). Audited. */
        post: operations["NudgeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/campaigns/by-entity/{kind}/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaigns an entity is part of, and where it stands in each. */
        get: operations["GetEntityCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CI records a deployment. The same externalId again updates that record (a finished deployment cannot go back to in_progress); two requests racing on two replicas still make one record. */
        post: operations["CreateDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records a new deployment of the previous successful version to the same environment (rollbackOf the given one), and calls the configured rollback webhook so a CD system acts on it. Without a webhook the response says so. */
        post: operations["RollbackDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{kind}/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entity's deployments, newest first, a page at a time. */
        get: operations["ListDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{kind}/{namespace}/{name}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every environment of the entity's system with the current and last successful version. */
        get: operations["GetDeploymentMatrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records up to 500 deployments in one request (a CD event forwarder's batch), each with the rules of POST /deployments. Answers 200 with one result per item, in order: status 201 (recorded), 200 (updated by its externalId) or the 4xx the single route would give, with the error naming the item. */
        post: operations["CreateDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environments recorded with the readiness backend (active ones unless includeDecommissioned), optionally of one System. Environment-scoped gates apply while an active environment of their tier or name is recorded. */
        get: operations["ListEnvironments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Records that the environment Resource exists for a System (idempotent: 201 when it becomes active, 200 when it already was with the same system and tier; 409 when it is active for another system or tier). The System must be in the catalog. Audited; the System's components are re-evaluated in the background. */
        put: operations["RecordEnvironment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments/{namespace}/{name}/decommission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records that the environment was decommissioned (idempotent; the record is kept). Its environment-scoped gates stop applying unless another active environment of the tier remains. Audited. */
        post: operations["DecommissionEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CI pushes evidence about an entity. Pushing the same externalId again returns the first record (200) instead of adding one; different evidence under a recorded externalId is a 409. */
        post: operations["CreateEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gates/{kind}/{namespace}/{name}/{trackId}/{gateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gate of one track for the entity, evaluated now. */
        get: operations["GetGate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness of the plugin (no credentials needed). */
        get: operations["GetHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oncall/{kind}/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call for the entity now and next, the escalation levels and the hours nobody covers in the next 14 days, from on-call as code (readiness.io/oncall) or PagerDuty (pagerduty.com/service-id). configured is false when the entity has neither. */
        get: operations["GetOnCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oncall/{kind}/{namespace}/{name}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entity's escalations, newest first. */
        get: operations["ListEscalations"];
        put?: never;
        /** Pages an escalation level (the one given, or the one after the entity's last escalation in the past 24 hours). Signed-in people only; audited; at most readiness.oncall.escalationRateLimit per person (429 with Retry-After). */
        post: operations["CreateEscalation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness across the catalog from the stored results of the last evaluation: one row per entity and track (gates passed, next gate, its root causes), filtered; how many are not passed; the most frequent root causes. */
        get: operations["GetOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runbooks/{kind}/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The runbooks the entity's readiness.io/runbooks annotation points to, with their Markdown and front matter; unreadable or malformed ones are listed with their errors. Also the entity's alerts and those no runbook covers. */
        get: operations["GetEntityRunbooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runbooks/by-alert/{alert}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which runbooks list this alert in their front matter, among the entities the caller may see. */
        get: operations["GetRunbooksByAlert"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{kind}/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every track that applies to the entity, evaluated, with evidence, waivers, attestations and root causes. The track definitions are not repeated in every answer: each evaluation names its track, and `tracksVersion` names the definitions it was evaluated with — the `version` of `GET /tracks`, which holds them. */
        get: operations["GetScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{kind}/{namespace}/{name}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status transitions of the entity's gates and checks, newest first. */
        get: operations["GetScorecardHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{kind}/{namespace}/{name}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluates the entity now and stores the transitions. */
        post: operations["RefreshScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorecards/{kind}/{namespace}/{name}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scorecard's compact form: per track, the verdict in a sentence, each gate and check with its status and message, and the root causes with their evidence; without the track definitions, fact values, attestations and waivers of the full scorecard (about half its size). For cards, scripts and assistants. */
        get: operations["GetScorecardSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/systems/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The System's readiness matrix (components and the resources they depend on × gates), weakest link first. */
        get: operations["GetSystemReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/systems/{namespace}/{name}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment × version matrix of every component of a System. */
        get: operations["GetSystemDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every track the backend loaded. */
        get: operations["GetTracks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tracks/{trackId}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text of a loaded track's file as written (comments included), for the track playground to edit; the file is named by its base name (or its URL), never by a path on the server. */
        get: operations["GetTrackSource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tracks/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a change to a track would do to the catalog before it merges. Evaluates the proposed track (YAML text) and the one it replaces (`current` when given, otherwise the loaded track of the same id, otherwise none: a new track) over every entity either applies to, from the stored facts, attestations and waivers, and answers the difference: entities whose gate or check statuses change, grouped by gate, check and owner, with the new root causes. Stores nothing. A proposed track with errors answers `valid: false` and each error with the file, the path inside it and its line, as the start-up check reports them. Needs readiness.track.preview (reading every entity's results). */
        post: operations["PreviewTrack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Asks for a waiver of one check for one entity, until expiresAt. */
        post: operations["RequestWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waivers/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approves a pending waiver; the approver must not be the requester. */
        post: operations["ApproveWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waivers/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes a waiver, pending or approved. */
        post: operations["RevokeWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
    schemas: {
        AlertRunbooks: {
            alert: string;
            items: {
                entityRef: string;
                severity?: string;
                target: string;
                title?: string;
                url: string;
            }[];
        };
        Attestation: {
            attestedAt: string;
            attestedBy: string;
            checkId: string;
            entityRef: string;
            gateId: string;
            id: string;
            link?: string;
            note?: string;
            trackId: string;
            validUntil: string;
        };
        AttestationRequest: {
            checkId: components["schemas"]["Id"];
            entityRef: components["schemas"]["EntityRef"];
            gateId: components["schemas"]["Id"];
            /** Format: uri */
            link?: string;
            note?: string;
            trackId: components["schemas"]["Id"];
            /**
             * Format: date-time
             * Defaults to now + the check's validForDays, which is also the latest allowed.
             */
            validUntil?: string;
        };
        Campaign: {
            description?: string;
            documentation?: string;
            id: string;
            milestones: {
                date: string;
                percent?: number;
                title: string;
            }[];
            /** The group or user who runs the campaign */
            owner: string;
            /** The file it was loaded from */
            source: string;
            /** YYYY-MM-DD */
            startDate: string;
            status: components["schemas"]["CampaignStatus"];
            target: {
                checks?: {
                    checkId: string;
                    gateId: string;
                }[];
                gateId?: string;
                /** What "done" means, in words */
                title: string;
                trackId: string;
            };
            /** YYYY-MM-DD */
            targetDate: string;
            title: string;
        };
        CampaignBlocker: {
            entities: number;
            summary: string;
        };
        CampaignCounts: {
            done: number;
            exempt: number;
            notDone: number;
            notMeasured: number;
            total: number;
        };
        CampaignDay: {
            /** YYYY-MM-DD */
            day: string;
            done: number;
            exempt: number;
            total: number;
        };
        CampaignDetail: {
            campaign: components["schemas"]["Campaign"];
            entities: components["schemas"]["CampaignEntity"][];
            forecast: components["schemas"]["CampaignForecast"];
            history: components["schemas"]["CampaignDay"][];
            progress: components["schemas"]["CampaignCounts"];
            teams: components["schemas"]["CampaignTeam"][];
            topBlockers: components["schemas"]["CampaignBlocker"][];
        };
        CampaignEntity: {
            entityRef: string;
            /** The exemption that counts (state exempt), or a request for one waiting for approval (no approvedBy) */
            exemption?: components["schemas"]["Waiver"];
            /** What the entity still needs, one sentence each (its root causes first) */
            needs: string[];
            owner?: string;
            state: components["schemas"]["CampaignEntityState"];
            title?: string;
        };
        CampaignEntityState: "done" | "not-done" | "not-measured" | "exempt";
        CampaignForecast: {
            /** YYYY-MM-DD, when the trend reaches every entity */
            projectedDate?: string;
            status: "done" | "on-track" | "at-risk" | "no-data";
            /** The forecast in words */
            summary: string;
        };
        CampaignList: {
            items: components["schemas"]["CampaignSummary"][];
            problems: components["schemas"]["TrackProblem"][];
        };
        CampaignReminder: {
            campaignId: string;
            /** Entities not done */
            entities: number;
            /** nudge, digest or deadline-N (days before the target date) */
            kind: string;
            /** The owning groups (or users) reminded */
            recipients: string[];
        };
        CampaignStatus: "draft" | "scheduled" | "in-progress" | "ended";
        CampaignSummary: {
            campaign: components["schemas"]["Campaign"];
            forecast: components["schemas"]["CampaignForecast"];
            progress: components["schemas"]["CampaignCounts"];
            /** When the progress was recorded (after the last evaluation pass); absent when it was computed for this answer */
            progressAsOf?: string;
        };
        CampaignTeam: {
            forecast: components["schemas"]["CampaignForecast"];
            owner: string;
            progress: components["schemas"]["CampaignCounts"];
        };
        /** What a check asks of a fact: the operator applied to the value at `path` inside the fact (the whole value without a path). */
        CheckCondition: {
            operator: components["schemas"]["ConditionOperator"];
            path?: string;
            value?: components["schemas"]["JsonValue"];
        };
        CheckResult: {
            attestation?: components["schemas"]["Attestation"];
            checkId: string;
            fact?: components["schemas"]["Fact"];
            /** What the check found, in one sentence */
            message: string;
            /** Since when the check has had this status */
            since?: string;
            status: components["schemas"]["CheckStatus"];
            /**
             * For a blocked or waived check: what it would be on its own
             */
            underlying?: "pass" | "fail" | "unknown";
            waiver?: components["schemas"]["Waiver"];
        };
        CheckSeverity: "critical" | "high" | "medium" | "low";
        CheckStatus: "pass" | "fail" | "unknown" | "blocked" | "waived" | "not-applicable";
        CheckSummary: {
            checkId: string;
            evidence?: components["schemas"]["EvidenceLink"];
            /** What the check found, in one sentence */
            message: string;
            since?: string;
            status: components["schemas"]["CheckStatus"];
            title: string;
        };
        CheckTarget: {
            checkId: components["schemas"]["Id"];
            entityRef: components["schemas"]["EntityRef"];
            gateId: components["schemas"]["Id"];
            trackId: components["schemas"]["Id"];
        };
        ConditionOperator: "equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain" | "exists" | "notExists" | "matches";
        Deployment: {
            actor?: string;
            commitSha?: string;
            entityRef: string;
            environment: string;
            externalId?: string;
            finishedAt?: string;
            id: string;
            recordedBy: string;
            rollbackOf?: string;
            startedAt: string;
            status: components["schemas"]["DeploymentStatus"];
            updatedAt: string;
            url?: string;
            version: string;
        };
        DeploymentMatrix: {
            entityRef: string;
            environments: {
                /** Days since the last successful deployment finished */
                ageDays?: number;
                environment: string;
                lastSuccessful?: components["schemas"]["Deployment"];
                latest?: components["schemas"]["Deployment"];
                title: string;
            }[];
            /** Whether a rollback from the portal tells a CD system (only in the single-entity matrix) */
            rollbackWebhook?: {
                configured: boolean;
            };
        };
        DeploymentRequest: {
            actor?: string;
            commitSha?: string;
            entityRef: components["schemas"]["EntityRef"];
            /** The environment Resource, as a ref (resource:default/rag-staging) or a name (rag-staging) */
            environment: string;
            externalId?: string;
            /** Format: date-time */
            finishedAt?: string;
            /** Format: date-time */
            startedAt?: string;
            status: "in_progress" | "succeeded" | "failed" | "rolled_back";
            /** Format: uri */
            url?: string;
            version: string;
        };
        DeploymentStatus: "in_progress" | "succeeded" | "failed" | "rolled_back";
        EntityCampaigns: {
            items: {
                campaign: components["schemas"]["Campaign"];
                forecast?: components["schemas"]["CampaignForecast"];
                needs: string[];
                state: components["schemas"]["CampaignEntityState"];
            }[];
        };
        /** A full entity ref, kind:namespace/name (or kind:name in the default namespace). */
        EntityRef: string;
        EntityRunbooks: {
            alertErrors: string[];
            alerts: string[];
            entityRef: string;
            refreshedAt: string;
            runbooks: components["schemas"]["Runbook"][];
            uncoveredAlerts: string[];
        };
        Error: {
            error: {
                message: string;
                name: string;
            };
            request?: Record<string, never>;
            response?: Record<string, never>;
        };
        Escalation: {
            actor: string;
            createdAt: string;
            entityRef: string;
            externalId?: string;
            id: string;
            level: number;
            message: string;
            notified: string[];
            provider: string;
            reason: string;
        };
        EscalationLevel: {
            level: number;
            targets: components["schemas"]["OnCallTarget"][];
            timeoutMinutes: number;
        };
        Evidence: {
            commitSha?: string;
            demo?: boolean;
            entityRef: string;
            externalId?: string;
            id: string;
            observedAt: string;
            recordedAt: string;
            recordedBy: string;
            type: string;
            url?: string;
            value: components["schemas"]["JsonValue"];
        };
        /** Where the fact behind a check came from */
        EvidenceLink: {
            commitSha?: string;
            observedAt: string;
            url?: string;
        };
        EvidenceRequest: {
            commitSha?: string;
            entityRef: components["schemas"]["EntityRef"];
            externalId?: string;
            /**
             * Format: date-time
             * When it was observed; defaults to now
             */
            observedAt?: string;
            /** The fact type, under evidence., e.g. evidence.tests.oidc-login */
            type: string;
            /** Format: uri */
            url?: string;
            /** Any JSON value, e.g. \{"status": "failed", "failures": 3\} */
            value: components["schemas"]["JsonValue"];
        };
        /** A typed value about an entity at a time, with where it came from. */
        Fact: {
            commitSha?: string;
            entityRef: string;
            observedAt: string;
            /** The fact source that produced it, e.g. catalog or evidence */
            source: string;
            /** e.g. evidence.tests.oidc-login, catalog.owner */
            type: string;
            url?: string;
            value: components["schemas"]["JsonValue"];
        };
        FilterValue: string | string[];
        GateResult: {
            /** For a blocked gate: the gates it waits for */
            blockedBy: string[];
            checks: components["schemas"]["CheckResult"][];
            /** For a gate scoped to an environment, the System's active environments in scope (names) */
            environments?: string[];
            gateId: string;
            /** For a not-applicable gate: why */
            message?: string;
            rootCauses: components["schemas"]["RootCause"][];
            since?: string;
            status: components["schemas"]["GateStatus"];
        };
        GateStatus: "passed" | "failed" | "blocked" | "unknown" | "not-applicable";
        Id: string;
        /** Any JSON value (null included). */
        JsonValue: BackstageJsonValue;
        OnCallShift: {
            end: string;
            source: string;
            start: string;
            target: components["schemas"]["OnCallTarget"];
        };
        OnCallSummary: {
            configured: boolean;
            current?: components["schemas"]["OnCallShift"];
            entityRef: string;
            levels: components["schemas"]["EscalationLevel"][];
            links: {
                title: string;
                url: string;
            }[];
            next?: components["schemas"]["OnCallShift"];
            provider?: string;
            uncoveredHours14d?: number;
        };
        OnCallTarget: {
            email?: string;
            name: string;
            ref: string;
            type: "user" | "group" | "schedule" | "external";
        };
        /** One entity × track of the overview, from the stored results of the last evaluation. */
        OverviewRow: {
            entityRef: string;
            evaluatedAt?: string;
            /** Every gate's status by gate id */
            gates: {
                [key: string]: string;
            };
            gatesPassed: number;
            gatesTotal: number;
            kind: string;
            nextGate?: string;
            /** The owner, as an entity ref (group:default/rag-team). */
            owner?: string;
            rootCauses: {
                checkId: string;
                gateId: string;
                status: string;
            }[];
            /**
             * passed: every gate passed; failed / unknown: some gate is; blocked: only waiting on others; not-evaluated: not yet
             */
            status: "passed" | "failed" | "blocked" | "unknown" | "not-evaluated";
            /** The System, as an entity ref (system:default/rag). */
            system?: string;
            title?: string;
            trackId: string;
        };
        OwnerCount: {
            count: number;
            /** The owner, as an entity ref (group:default/rag-team), or an empty string for none. */
            owner: string;
        };
        PreviewCheckImpact: {
            checkId: string;
            definition: components["schemas"]["PreviewDefinitionChange"];
            gateId: string;
            gateTitle: string;
            impact: components["schemas"]["PreviewImpact"];
            title: string;
        };
        /** How many entities changed this way, in all and by owner (most first). */
        PreviewCount: {
            byOwner: components["schemas"]["OwnerCount"][];
            total: number;
        };
        /**
         * How the proposed definition of a gate or check differs from the current one.
         */
        PreviewDefinitionChange: "added" | "removed" | "changed" | "unchanged";
        PreviewEntityChange: {
            /**
             * Its readiness on the proposed track (not-applicable when it no longer applies).
             */
            after: "passed" | "failed" | "blocked" | "unknown" | "not-applicable";
            /**
             * The entity's readiness on the current track (not-applicable when it did not apply).
             */
            before: "passed" | "failed" | "blocked" | "unknown" | "not-applicable";
            /** Every check whose status changes in a way the impact counts (newly failing, passing, blocked or not measured). */
            checks: {
                after?: components["schemas"]["CheckStatus"];
                before?: components["schemas"]["CheckStatus"];
                checkId: string;
                gateId: string;
                title: string;
            }[];
            entityRef: string;
            /** Every gate whose status changes (a gate missing on one side has no status there). */
            gates: {
                after?: components["schemas"]["GateStatus"];
                before?: components["schemas"]["GateStatus"];
                gateId: string;
                title: string;
            }[];
            kind: string;
            /** Failing or unmeasured checks that hold a gate back on the proposed track and did not before. */
            newRootCauses: {
                checkId: string;
                gateId: string;
                gateTitle: string;
                status: "fail" | "unknown";
                title: string;
            }[];
            /** The owner, as an entity ref */
            owner?: string;
            title?: string;
        };
        PreviewGateImpact: {
            definition: components["schemas"]["PreviewDefinitionChange"];
            gateId: string;
            /** For a removed gate, the entities it held back (failed, blocked or not measured) before. */
            heldBack?: number;
            impact: components["schemas"]["PreviewImpact"];
            title: string;
        };
        /** Entities whose status becomes failed (fail), passed (pass), blocked, or not measured (unknown) that it was not before. An item new in the proposed track counts only when it does not pass. */
        PreviewImpact: {
            newlyBlocked: components["schemas"]["PreviewCount"];
            newlyFailing: components["schemas"]["PreviewCount"];
            newlyNotMeasured: components["schemas"]["PreviewCount"];
            newlyPassing: components["schemas"]["PreviewCount"];
        };
        /** Entities counted once each: ready on every track shown, not ready, or not measured (nothing evaluated yet, or the next gate cannot be measured) */
        ReadinessCounts: {
            notMeasured: number;
            notReady: number;
            ready: number;
            total: number;
        };
        ReadinessEnvironment: {
            decommissionedAt?: string;
            decommissionedBy?: string;
            entityRef: string;
            recordedAt: string;
            recordedBy: string;
            status: "active" | "decommissioned";
            systemRef: string;
            taskId?: string;
            tier: string;
        };
        ReadinessOverview: {
            /** Of the rows that match, how many are not passed */
            blocked: number;
            /** The entities of the rows that match, each counted once (ready across every track shown, or not) */
            entities: components["schemas"]["ReadinessCounts"];
            items: components["schemas"]["OverviewRow"][];
            /** The values each filter can take, from every row before filtering */
            options: {
                owners: string[];
                systems: string[];
                trackIds: string[];
            };
            /** Per owner, their entities among the rows that match; most entities not ready first */
            teams: (components["schemas"]["ReadinessCounts"] & {
                /** The owner, as an entity ref */
                owner: string;
            })[];
            topRootCauses: {
                checkId: string;
                count: number;
                entityRefs: string[];
                gateId: string;
                gateTitle: string;
                /** The check's title */
                title: string;
                trackId: string;
            }[];
            /** Rows (entity × track) that match */
            total: number;
            /** Track files that could not be loaded (their entities are missing) */
            trackProblems?: components["schemas"]["TrackProblem"][];
        };
        RefPart: string;
        /** A failing or unmeasured check at the bottom of a dependency chain. */
        RootCause: {
            checkId: string;
            gateId: string;
            message: string;
            status: "fail" | "unknown";
        };
        Runbook: {
            errors: string[];
            markdown?: string;
            metadata: components["schemas"]["RunbookMetadata"];
            reviewAgeDays?: number;
            status: "ok" | "invalid" | "unreadable";
            target: string;
            url: string;
        };
        RunbookMetadata: {
            alerts: string[];
            lastReviewed?: string;
            owner?: string;
            severity?: "critical" | "high" | "medium" | "low";
            title?: string;
        };
        /** One entity's scorecard as `GET /scorecards/...` answers it: each track's evaluation, named by track id; the definitions are those of `GET /tracks` with the same version (the client in readiness-common joins them). */
        ScorecardAnswer: {
            attestations: components["schemas"]["Attestation"][];
            entityRef: string;
            /** When it was evaluated: scorecards are kept as last evaluated in full, evaluated again after every change of the entity's inputs (when next read), by the scheduled run, and at the latest `readiness.evaluation.scorecardMaxAge` (30 minutes) after */
            evaluatedAt: string;
            /** Per track that applies, in the order of `GET /tracks`: its evaluation (`trackId` names it) */
            evaluations: components["schemas"]["TrackEvaluation"][];
            /** When the newest stored transition happened; the history changes only with it */
            historyChangedAt?: string;
            /** The title of the entity (its name when it has none) */
            title?: string;
            /** Track files that could not be loaded (what they would say is unknown) */
            trackProblems: components["schemas"]["TrackProblem"][];
            /** The track definitions it was evaluated with: the `version` of `GET /tracks` */
            tracksVersion: string;
            waivers: components["schemas"]["Waiver"][];
        };
        ScorecardSummary: {
            entityRef: string;
            evaluatedAt: string;
            /** The title of the entity (its name when it has none) */
            title: string;
            /** Track files that could not be loaded (what they would say is unknown) */
            trackProblems?: components["schemas"]["TrackProblem"][];
            tracks: components["schemas"]["TrackSummary"][];
        };
        SystemReadiness: {
            entities: components["schemas"]["SystemReadinessEntity"][];
            evaluatedAt: string;
            rootCauses: {
                checkId: string;
                /** The entities it blocks */
                entityRefs: string[];
                gateId: string;
                gateTitle: string;
                /** The check result in words, for one of the entities */
                message: string;
                status: "fail" | "unknown";
                /** The check's title */
                title: string;
                trackId: string;
            }[];
            systemRef: string;
            tracks: {
                gates: {
                    id: string;
                    status: components["schemas"]["GateStatus"];
                    title: string;
                }[];
                title: string;
                trackId: string;
            }[];
            /** The entity furthest from ready, when the entities are not all at the same point */
            weakestLink?: string;
        };
        SystemReadinessEntity: {
            entityRef: string;
            kind: string;
            title?: string;
            tracks: {
                blockers: components["schemas"]["RootCause"][];
                gates: {
                    [key: string]: components["schemas"]["GateStatus"];
                };
                gatesPassed: number;
                gatesTotal: number;
                nextGate?: string;
                trackId: string;
            }[];
        };
        /** A track as loaded (see the backend README for the format). */
        Track: {
            apiVersion: "readiness.io/v1";
            kind: "Track";
            metadata: {
                description?: string;
                name: string;
                title: string;
            };
            spec: {
                appliesTo: components["schemas"]["TrackEntityFilter"][];
                gates: components["schemas"]["TrackGate"][];
            };
        };
        TrackCheck: {
            condition?: components["schemas"]["CheckCondition"];
            description?: string;
            /** Another entity whose fact it reads */
            entity?: string;
            /** The fact type it reads, e.g. evidence.tests.oidc-login */
            fact?: string;
            howToFix?: string;
            id: string;
            /** Decided by a person's attestation, valid for this many days */
            manual?: {
                validForDays: number;
            };
            severity: components["schemas"]["CheckSeverity"];
            title: string;
            /** The unit of the value the condition reads, for people (ms, s, min, hours, days, %, or ratio for a fraction shown as a percentage). Without it the fact's convention or the field name (p95Ms) decides. */
            unit?: string;
        };
        /** Which entities a track applies to; every key given must match (case-insensitive). */
        TrackEntityFilter: {
            kind?: components["schemas"]["FilterValue"];
            "metadata.namespace"?: components["schemas"]["FilterValue"];
            "metadata.tags"?: components["schemas"]["FilterValue"];
            "spec.lifecycle"?: components["schemas"]["FilterValue"];
            "spec.system"?: components["schemas"]["FilterValue"];
            "spec.type"?: components["schemas"]["FilterValue"];
        };
        TrackEvaluation: {
            entityRef: string;
            evaluatedAt: string;
            gates: components["schemas"]["GateResult"][];
            summary: {
                blockers: components["schemas"]["RootCause"][];
                gatesPassed: number;
                /** The gates that apply */
                gatesTotal: number;
                /** The first gate in dependency order that has not passed */
                nextGate?: string;
            };
            trackId: string;
        };
        TrackGate: {
            checks: components["schemas"]["TrackCheck"][];
            dependsOn: string[];
            description?: string;
            /** The environment tier or name the gate is scoped to */
            environment?: string;
            id: string;
            title: string;
        };
        TrackPreview: {
            /** Checks that are new, removed, changed, or whose statuses change (most affected first). */
            checks: components["schemas"]["PreviewCheckImpact"][];
            /**
             * What the proposed track was compared with (the `current` text, the loaded track of its id, nothing).
             */
            comparedWith: "given" | "loaded" | "none";
            /** The changed entities (at most entityLimit), most affected first. */
            entities: components["schemas"]["PreviewEntityChange"][];
            entitiesChanged: number;
            /** Entities either track applies to */
            entitiesEvaluated: number;
            /** Changed entities at least one of whose gates newly fails, is newly blocked or newly cannot be measured (what a CI job sets its threshold on). */
            entitiesNewlyFailing: number;
            gates: components["schemas"]["PreviewGateImpact"][];
            /** The kinds of the entities evaluated (for the words; services are Components). */
            kinds: string[];
            problems: components["schemas"]["TrackPreviewProblem"][];
            /** Entities whose readiness on the whole track changes. */
            readiness: {
                newlyNotReady: components["schemas"]["PreviewCount"];
                newlyReady: components["schemas"]["PreviewCount"];
            };
            /** The file name the errors name */
            source: string;
            title: string;
            /** The proposed track's id (empty when it has none) */
            trackId: string;
            /** Whether the proposed track has no errors (nothing else is computed otherwise) */
            valid: boolean;
        };
        TrackPreviewProblem: {
            column?: number;
            /** The line (from 1) the error is at, when known. */
            line?: number;
            /** The error as the start-up check gives it (file, path inside it, what is wrong). */
            message: string;
            /** The path inside the file, e.g. spec.gates[1].checks[0].condition */
            path?: string;
        };
        TrackPreviewRequest: {
            /** The track it replaces, as YAML text (e.g. the file on the main branch). Without it, the loaded track of the same id is compared against (none for a new id). */
            current?: string;
            /** How many changed entities to list (default 500; every count covers all of them). */
            entityLimit?: number;
            /** The file name the errors name (default `proposed track`). */
            source?: string;
            /** The proposed track, as the YAML text of its file. */
            track: string;
        };
        /** A track file that could not be loaded, and why (the file and the path inside it). */
        TrackProblem: {
            message: string;
            source: string;
        };
        TrackSummary: {
            /** The root causes keeping the next gate from passing, at the bottom of the chain */
            blockers: (components["schemas"]["CheckSummary"] & {
                gateId: string;
                gateTitle: string;
            })[];
            gates: {
                /** For a blocked gate: the gates it waits for */
                blockedBy: string[];
                checks: components["schemas"]["CheckSummary"][];
                gateId: string;
                since?: string;
                status: components["schemas"]["GateStatus"];
                title: string;
            }[];
            gatesPassed: number;
            /** The gates that apply */
            gatesTotal: number;
            /** The first gate in dependency order that has not passed */
            nextGate?: string;
            title: string;
            trackId: string;
            /** The track in a sentence: every gate passed, or where the next gate stands and why */
            verdict: string;
        };
        Transition: {
            at: string;
            /** Empty for the gate itself */
            checkId: string;
            entityRef: string;
            from?: string;
            gateId: string;
            to: string;
            trackId: string;
        };
        Waiver: {
            approvedAt?: string;
            approvedBy?: string;
            /** Set when the waiver exempts the entity from a campaign; it then changes nothing on the scorecard. */
            campaignId?: string;
            checkId: string;
            entityRef: string;
            expiresAt: string;
            gateId: string;
            id: string;
            reason: string;
            requestedAt: string;
            requestedBy: string;
            revokedAt?: string;
            revokedBy?: string;
            trackId: string;
        };
        WaiverRequest: {
            checkId: components["schemas"]["Id"];
            entityRef: components["schemas"]["EntityRef"];
            /** Format: date-time */
            expiresAt: string;
            gateId: components["schemas"]["Id"];
            reason: string;
            trackId: components["schemas"]["Id"];
        };
    };
    responses: {
        /** An error */
        ErrorResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        campaignId: components["schemas"]["Id"];
        kind: components["schemas"]["RefPart"];
        name: components["schemas"]["RefPart"];
        namespace: components["schemas"]["RefPart"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
/** @public */
export interface operations {
    CreateAttestation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttestationRequest"];
            };
        };
        responses: {
            /** Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attestation"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ListCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    GetCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: components["parameters"]["campaignId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetail"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    RequestCampaignExemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: components["parameters"]["campaignId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entityRef: components["schemas"]["EntityRef"];
                    /** Format: date-time */
                    expiresAt: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** The pending waiver */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    NudgeCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: components["parameters"]["campaignId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Who was reminded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignReminder"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
            429: components["responses"]["ErrorResponse"];
        };
    };
    GetEntityCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The entity's campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityCampaigns"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentRequest"];
            };
        };
        responses: {
            /** The record with this externalId, updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    RollbackDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** The rollback deployment and what the webhook said */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deployment: components["schemas"]["Deployment"];
                        webhook: {
                            configured: boolean;
                            delivered?: boolean;
                            message: string;
                            status?: number;
                        };
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    ListDeployments: {
        parameters: {
            query?: {
                environment?: components["schemas"]["EntityRef"];
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** A page of deployments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Deployment"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetDeploymentMatrix: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The environment × version matrix of one entity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentMatrix"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: components["schemas"]["DeploymentRequest"][];
                };
            };
        };
        responses: {
            /** One result per item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            deployment?: components["schemas"]["Deployment"];
                            error?: {
                                message: string;
                                name: string;
                            };
                            status: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    ListEnvironments: {
        parameters: {
            query?: {
                includeDecommissioned?: "true" | "false";
                system?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Environments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReadinessEnvironment"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    RecordEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requestedBy?: components["schemas"]["EntityRef"];
                    system: string;
                    taskId?: string;
                    tier: string;
                };
            };
        };
        responses: {
            /** Already recorded, unchanged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessEnvironment"];
                };
            };
            /** Recorded (new, or active again after a decommission) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessEnvironment"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    DecommissionEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    requestedBy?: components["schemas"]["EntityRef"];
                    taskId?: string;
                };
            };
        };
        responses: {
            /** The environment, decommissioned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessEnvironment"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceRequest"];
            };
        };
        responses: {
            /** Already recorded under this externalId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            /** Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    GetGate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gateId: components["schemas"]["Id"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
                trackId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The gate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entityRef: string;
                        /** The title of the entity (its name when it has none) */
                        entityTitle: string;
                        gate: components["schemas"]["GateResult"];
                        /** The title of every gate of the track, by id (for the gates a report names) */
                        gateTitles: {
                            [key: string]: string;
                        };
                        trackId: string;
                        trackTitle: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ok";
                    };
                };
            };
        };
    };
    GetOnCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The on-call summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnCallSummary"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            503: components["responses"]["ErrorResponse"];
        };
    };
    ListEscalations: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Escalations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Escalation"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    CreateEscalation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    level?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** The recorded escalation and who was notified */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Escalation"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            429: components["responses"]["ErrorResponse"];
            503: components["responses"]["ErrorResponse"];
        };
    };
    GetOverview: {
        parameters: {
            query?: {
                owner?: string;
                status?: "passed" | "failed" | "blocked" | "unknown" | "not-evaluated";
                system?: string;
                trackId?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The overview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessOverview"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    GetEntityRunbooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The runbooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityRunbooks"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetRunbooksByAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The runbooks answering the alert (possibly none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRunbooks"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    GetScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The scorecard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardAnswer"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetScorecardHistory: {
        parameters: {
            query?: {
                before?: string;
                limit?: number;
                trackId?: components["schemas"]["Id"];
            };
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The transitions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Transition"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    RefreshScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The transitions written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transitions: components["schemas"]["Transition"][];
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetScorecardSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The scorecard in its compact form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardSummary"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetSystemReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The rollup */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemReadiness"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetSystemDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: components["parameters"]["name"];
                namespace: components["parameters"]["namespace"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** One matrix per component */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        environments: string[];
                        items: components["schemas"]["DeploymentMatrix"][];
                        systemRef: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    GetTracks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The tracks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Track"][];
                        /** Track files that could not be loaded (left out; everything else works) */
                        problems: components["schemas"]["TrackProblem"][];
                        /** Names these definitions: a scorecard evaluated with them has this `tracksVersion` */
                        version: string;
                    };
                };
            };
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    GetTrackSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                trackId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The track's file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** The file's base name, or its URL. */
                        file: string;
                        text: string;
                        trackId: string;
                    };
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    PreviewTrack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackPreviewRequest"];
            };
        };
        responses: {
            /** The difference the proposed track makes (or its errors) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackPreview"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
        };
    };
    RequestWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaiverRequest"];
            };
        };
        responses: {
            /** Requested */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
        };
    };
    ApproveWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
    RevokeWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            400: components["responses"]["ErrorResponse"];
            401: components["responses"]["ErrorResponse"];
            403: components["responses"]["ErrorResponse"];
            404: components["responses"]["ErrorResponse"];
            409: components["responses"]["ErrorResponse"];
        };
    };
}
