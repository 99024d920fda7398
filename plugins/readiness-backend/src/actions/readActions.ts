import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  describeEntityReadiness,
  describeGateResult,
  describeTrackPreview,
  formatDate,
  readinessReadPermission,
  readinessTrackPreviewPermission,
  refDisplayName,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { DeploymentService } from '../deployments/DeploymentService';
import { OnCallService } from '../oncall/OnCallService';
import { TrackPreviewService } from '../preview/TrackPreviewService';
import { RunbookService } from '../runbooks/RunbookService';
import { OverviewReader } from '../scorecards/read/OverviewReader';
import { ScorecardReader } from '../scorecards/read/ScorecardReader';
import { SystemReadinessReader } from '../scorecards/read/SystemReadinessReader';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { CampaignService } from '../campaigns/CampaignService';
import { ActionAuth, allow, ENTITY_REF_HELP, refOf } from './actionContext';

/** The services the read actions call: the same the HTTP routes call. */
export interface ReadActionDeps extends ActionAuth {
  catalog: EntityCatalog;
  tracks: TrackRegistry;
  scorecards: ScorecardReader;
  overview: OverviewReader;
  systems: SystemReadinessReader;
  deployments: DeploymentService;
  oncall: OnCallService;
  runbooks: RunbookService;
  preview: TrackPreviewService;
  campaigns: CampaignService;
}

const READ = { readOnly: true, idempotent: true, destructive: false };

/** The zod the actions registry hands a schema function. */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** Root causes as the read actions answer them: the check, its gate, how many entities it holds back. */
const rootCausesSchema = (z: Zod) =>
  z.array(
    z.object({ check: z.string(), gate: z.string(), entities: z.number() }),
  );

function ago(iso: string | undefined, now = Date.now()): string | undefined {
  if (!iso) return undefined;
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (days < 1) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * The read actions: what an assistant asks before anything ships — can it ship and what blocks it, why a gate is
 * blocked, a System's or a team's readiness, what is deployed where, who is on call, which runbook covers an alert,
 * and what a track change would do. Each answers in the sentences the portal shows, compactly.
 */
export function registerReadActions(
  registry: ActionsRegistryService,
  deps: ReadActionDeps,
) {
  registry.register({
    name: 'get-entity-readiness',
    title: 'Can this service ship to production?',
    description:
      'Answers whether a catalog entity (usually a service) may ship to production and, if not, what exactly blocks ' +
      'it: for each readiness track that applies, the verdict in a sentence, the next gate to pass and its root ' +
      'causes (the failing or unmeasured checks at the bottom of the dependency chain) with why each fails and a ' +
      'link to the evidence. Use it for "can X ship?", "what blocks X?", "is X production ready?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({ entityRef: z.string().min(1).describe(ENTITY_REF_HELP) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string(),
          canShip: z
            .boolean()
            .describe('Every gate of every track that applies has passed'),
          tracks: z.array(
            z.object({
              trackId: z.string(),
              title: z.string(),
              verdict: z.string(),
              gatesPassed: z.number(),
              gatesTotal: z.number(),
              nextGate: z.string().optional(),
              blockers: z.array(
                z.object({
                  gateId: z.string(),
                  checkId: z.string(),
                  check: z.string(),
                  gate: z.string(),
                  status: z.string(),
                  why: z.string(),
                  evidenceUrl: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'What blocks rag-api?',
        input: { entityRef: 'component:default/rag-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const summary = await deps.scorecards.getSummary(
        refOf(input.entityRef),
        credentials,
      );
      const tracks = summary.tracks.map(t => {
        const next = t.gates.find(g => g.gateId === t.nextGate);
        return {
          trackId: t.trackId,
          title: t.title,
          verdict: t.verdict,
          gatesPassed: t.gatesPassed,
          gatesTotal: t.gatesTotal,
          ...(next ? { nextGate: next.title } : {}),
          blockers: t.blockers.map(b => ({
            gateId: b.gateId,
            checkId: b.checkId,
            check: b.title,
            gate: b.gateTitle,
            status: b.status,
            why: b.message,
            ...(b.evidence?.url ? { evidenceUrl: b.evidence.url } : {}),
          })),
        };
      });
      return {
        output: {
          entityRef: summary.entityRef,
          title: summary.title,
          canShip: tracks.every(t => t.gatesPassed === t.gatesTotal),
          tracks,
        },
      };
    },
  });

  registry.register({
    name: 'explain-gate',
    title: 'Why is this gate not passing?',
    description:
      'Explains one gate of one readiness track for an entity: whether it passed, the headline in words, what it ' +
      'waits for and every check that keeps it from passing, each as a sentence. Use after get-entity-readiness ' +
      'to dig into one gate (ids come from its answer), e.g. "why is Deployment prepared blocked for rag-api?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_HELP),
          trackId: z
            .string()
            .min(1)
            .describe('The track id, e.g. rag-production-readiness'),
          gateId: z
            .string()
            .min(1)
            .describe('The gate id, e.g. deployment-prepared'),
        }),
      output: z =>
        z.object({
          passed: z.boolean(),
          headline: z.string(),
          details: z.array(z.string()),
        }),
    },
    examples: [
      {
        title: 'Why is rag-api not deployment prepared?',
        input: {
          entityRef: 'component:default/rag-api',
          trackId: 'rag-production-readiness',
          gateId: 'deployment-prepared',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const answer = await deps.scorecards.getGate(
        refOf(input.entityRef),
        input.trackId,
        input.gateId,
        credentials,
      );
      const report = describeGateResult(answer);
      return {
        output: {
          passed: report.passed,
          headline: report.headline,
          details: report.details.map(d => d.trim()),
        },
      };
    },
  });

  registry.register({
    name: 'get-system-readiness',
    title: 'How ready is this System?',
    description:
      'The readiness of a whole System (its components and the resources they depend on): per entity whether it ' +
      'is ready and its next gate, the weakest link, and the root causes that block the most entities. Use for ' +
      '"is the RAG platform ready?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          systemRef: z
            .string()
            .min(1)
            .describe('The System: system:default/rag-platform, or its name'),
        }),
      output: z =>
        z.object({
          systemRef: z.string(),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              tracks: z.array(
                z.object({
                  trackId: z.string(),
                  gatesPassed: z.number(),
                  gatesTotal: z.number(),
                  nextGate: z.string().optional(),
                }),
              ),
            }),
          ),
          weakestLink: z.string().optional(),
          rootCauses: rootCausesSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const system = await deps.systems.getSystemReadiness(
        refOf(input.systemRef, 'system'),
        credentials,
      );
      const gateTitle = (trackId: string, gateId?: string) =>
        gateId
          ? deps.tracks
              .get(trackId)
              ?.track.spec.gates.find(g => g.id === gateId)?.title ?? gateId
          : undefined;
      return {
        output: {
          systemRef: system.systemRef,
          entities: system.entities.map(e => ({
            entityRef: e.entityRef,
            title: e.title ?? refDisplayName(e.entityRef),
            tracks: e.tracks.map(t => ({
              trackId: t.trackId,
              gatesPassed: t.gatesPassed,
              gatesTotal: t.gatesTotal,
              ...(t.nextGate
                ? { nextGate: gateTitle(t.trackId, t.nextGate)! }
                : {}),
            })),
          })),
          ...(system.weakestLink
            ? { weakestLink: refDisplayName(system.weakestLink) }
            : {}),
          rootCauses: system.rootCauses.slice(0, 10).map(c => ({
            check: c.title,
            gate: c.gateTitle,
            entities: c.entityRefs.length,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'list-readiness',
    title: 'Which services are not ready?',
    description:
      'Readiness across the catalog from the last evaluation, optionally only one owner (a team), System, track ' +
      'or status: each entity in a sentence, how many are not ready, and the root causes that block the most. Use ' +
      'for "which of rag-team\'s services cannot ship?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe('A team: group:default/rag-team, or its name'),
          system: z
            .string()
            .optional()
            .describe('A System: system:default/rag-platform, or its name'),
          trackId: z.string().optional(),
          status: z
            .enum(['passed', 'failed', 'blocked', 'unknown', 'not-evaluated'])
            .optional(),
        }),
      output: z =>
        z.object({
          entities: z.number(),
          notReady: z.number(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              owner: z.string().optional(),
              readiness: z.string(),
            }),
          ),
          topRootCauses: rootCausesSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      if (input.trackId && !deps.tracks.get(input.trackId)) {
        throw new InputError(`trackId: no track '${input.trackId}'`);
      }
      const overview = await deps.overview.getOverview(credentials, {
        ...(input.owner ? { owner: refOf(input.owner, 'group') } : {}),
        ...(input.system ? { system: refOf(input.system, 'system') } : {}),
        ...(input.trackId ? { trackId: input.trackId } : {}),
        ...(input.status ? { status: input.status } : {}),
      });
      const byEntity = new Map<string, typeof overview.items>();
      for (const row of overview.items) {
        byEntity.set(row.entityRef, [
          ...(byEntity.get(row.entityRef) ?? []),
          row,
        ]);
      }
      const definitions = deps.tracks.definitions();
      const items = [...byEntity.values()].map(rows => ({
        entityRef: rows[0].entityRef,
        title: rows[0].title ?? refDisplayName(rows[0].entityRef),
        ...(rows[0].owner ? { owner: refDisplayName(rows[0].owner) } : {}),
        readiness: describeEntityReadiness(rows, definitions).description,
      }));
      return {
        output: {
          entities: overview.entities.total,
          notReady: overview.entities.notReady,
          items,
          topRootCauses: overview.topRootCauses.map(c => ({
            check: c.title,
            gate: c.gateTitle,
            entities: c.count,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'get-deployments',
    title: 'What is deployed where?',
    description:
      'For an entity, per environment: the version deployed last and whether it succeeded, and the last ' +
      'successful version with its age. Use for "what version of rag-api is in staging?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({ entityRef: z.string().min(1).describe(ENTITY_REF_HELP) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          environments: z.array(
            z.object({
              environment: z.string(),
              summary: z.string(),
              running: z.string().optional(),
              latestStatus: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const entity = await deps.catalog.getEntity(
        refOf(input.entityRef),
        credentials,
      );
      const matrix = await deps.deployments.entityMatrix(entity, credentials);
      return {
        output: {
          entityRef: matrix.entityRef,
          environments: matrix.environments.map(e => {
            const last = e.lastSuccessful;
            const latest = e.latest;
            const parts = [
              last
                ? `${last.version} deployed successfully ${ago(
                    last.finishedAt ?? last.startedAt,
                  )}`
                : 'nothing deployed successfully yet',
            ];
            if (latest && latest.id !== last?.id) {
              parts.push(
                `the latest deployment, ${
                  latest.version
                }, ${latest.status.replace('_', ' ')}`,
              );
            }
            return {
              environment: e.title,
              summary: `${e.title}: ${parts.join('; ')}.`,
              ...(last ? { running: last.version } : {}),
              ...(latest ? { latestStatus: latest.status } : {}),
            };
          }),
        },
      };
    },
  });

  registry.register({
    name: 'get-campaign',
    title: 'How is this readiness campaign going?',
    description:
      'A readiness campaign (a goal over many services with a deadline, e.g. "every RAG service passes Deployment ' +
      'prepared by 15 January"): how many services are done, the forecast in a sentence (on track or at risk, and ' +
      'when every service would be done at the current pace), the blockers behind the most services, the teams at ' +
      'risk, and what the services not done still need. Without a campaign id, every campaign in a line each. Use ' +
      'for "are we on track for the RAG launch?", "who is behind?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          campaignId: z
            .string()
            .min(1)
            .optional()
            .describe(
              'The campaign id (metadata.name of its file); omit to list every campaign',
            ),
        }),
      output: z =>
        z.object({
          campaigns: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              summary: z.string(),
            }),
          ),
          topBlockers: z
            .array(z.object({ blocker: z.string(), services: z.number() }))
            .optional(),
          teamsAtRisk: z.array(z.string()).optional(),
          notDone: z
            .array(z.object({ service: z.string(), needs: z.string() }))
            .optional()
            .describe(
              'The first 20 services not done, with what each needs first',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const line = (c: {
        campaign: {
          title: string;
          targetDate: string;
          target: { title: string };
        };
        progress: { total: number; done: number; exempt: number };
        forecast: { summary: string };
      }) =>
        `${c.progress.done + c.progress.exempt} of ${
          c.progress.total
        } done (goal: ${c.campaign.target.title}, by ${formatDate(
          `${c.campaign.targetDate}T12:00:00Z`,
        )}). ${c.forecast.summary}`;
      if (!input.campaignId) {
        const list = await deps.campaigns.list(credentials);
        return {
          output: {
            campaigns: list.items.map(c => ({
              id: c.campaign.id,
              title: c.campaign.title,
              summary: line(c),
            })),
          },
        };
      }
      const detail = await deps.campaigns.get(input.campaignId, credentials);
      const notDone = detail.entities.filter(
        e => e.state === 'not-done' || e.state === 'not-measured',
      );
      return {
        output: {
          campaigns: [
            {
              id: detail.campaign.id,
              title: detail.campaign.title,
              summary: line(detail),
            },
          ],
          topBlockers: detail.topBlockers.map(b => ({
            blocker: b.summary,
            services: b.entities,
          })),
          teamsAtRisk: detail.teams
            .filter(t => t.forecast.status === 'at-risk')
            .map(t => refDisplayName(t.owner)),
          notDone: notDone.slice(0, 20).map(e => ({
            service: e.title ?? refDisplayName(e.entityRef),
            needs: e.needs[0] ?? 'not done yet.',
          })),
        },
      };
    },
  });

  registry.register({
    name: 'get-on-call',
    title: 'Who is on call for this service?',
    description:
      'Who is on call for an entity now and at the next hand-off, the escalation levels in order with their ' +
      'timeouts, and the hours of the next 14 days nobody covers. Use for "who do I page about rag-api?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({ entityRef: z.string().min(1).describe(ENTITY_REF_HELP) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          configured: z.boolean(),
          summary: z.string(),
          now: z.string().optional(),
          nextHandOff: z.object({ who: z.string(), at: z.string() }).optional(),
          escalationLevels: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const entity = await deps.catalog.getEntity(
        refOf(input.entityRef),
        credentials,
      );
      const oncall = await deps.oncall.summary(entity, credentials);
      const levels = oncall.levels.map(
        l =>
          `Level ${l.level}: ${l.targets.map(t => t.name).join(', ')} (after ${
            l.timeoutMinutes
          } minutes)`,
      );
      const summary = !oncall.configured
        ? 'No on-call is configured for it.'
        : `${
            oncall.current
              ? `${oncall.current.target.name} is on call now`
              : 'Nobody is on call now'
          }${
            oncall.next
              ? `; ${oncall.next.target.name} takes over at ${oncall.next.start}`
              : ''
          }.${
            oncall.uncoveredHours14d
              ? ` ${oncall.uncoveredHours14d} hours of the next 14 days are not covered.`
              : ''
          }`;
      return {
        output: {
          entityRef: oncall.entityRef,
          configured: oncall.configured,
          summary,
          ...(oncall.current ? { now: oncall.current.target.name } : {}),
          ...(oncall.next
            ? {
                nextHandOff: {
                  who: oncall.next.target.name,
                  at: oncall.next.start,
                },
              }
            : {}),
          escalationLevels: levels,
        },
      };
    },
  });

  registry.register({
    name: 'find-runbook-for-alert',
    title: 'Which runbook covers this alert?',
    description:
      'Finds the runbooks that list an alert (by its alert name, e.g. OidcLoginFailures), with the service each ' +
      'belongs to and the link to open. Use when an alert fires: "which runbook covers OidcLoginFailures?".',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          alert: z
            .string()
            .min(1)
            .max(200)
            .describe('The alert name as the alerting system sends it'),
        }),
      output: z =>
        z.object({
          alert: z.string(),
          summary: z.string(),
          runbooks: z.array(
            z.object({
              title: z.string(),
              service: z.string(),
              url: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessReadPermission);
      const found = await deps.runbooks.byAlert(input.alert, credentials);
      const runbooks = found.items.map(i => ({
        title: i.title ?? i.target,
        service: refDisplayName(i.entityRef),
        url: i.url,
      }));
      return {
        output: {
          alert: found.alert,
          summary:
            runbooks.length === 0
              ? `No runbook lists the alert ${found.alert}.`
              : `${runbooks
                  .map(r => `“${r.title}” (${r.service})`)
                  .join(', ')} ${runbooks.length === 1 ? 'covers' : 'cover'} ${
                  found.alert
                }.`,
          runbooks,
        },
      };
    },
  });

  registry.register({
    name: 'preview-track-change',
    title: 'What would this track change do?',
    description:
      'Previews a change to a readiness track before it merges: give the proposed track file (YAML) and it is ' +
      'evaluated beside the current track over every entity it applies to, from the facts recorded now. Answers ' +
      'the impact in sentences ("12 services newly fail …"), the counts, or the validation errors with their line. ' +
      'Stores nothing.',
    attributes: READ,
    schema: {
      input: z =>
        z.object({
          track: z
            .string()
            .min(1)
            .max(262144)
            .describe('The proposed track file, as YAML text'),
          current: z
            .string()
            .min(1)
            .max(262144)
            .optional()
            .describe(
              'The track it replaces, as YAML (default: the loaded track of the same id)',
            ),
        }),
      output: z =>
        z.object({
          valid: z.boolean(),
          headline: z.string(),
          impacts: z.array(z.string()),
          entitiesChanged: z.number(),
          entitiesNewlyFailing: z.number(),
          problems: z.array(
            z.object({ message: z.string(), line: z.number().optional() }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessTrackPreviewPermission);
      const preview = await deps.preview.preview(
        {
          track: input.track,
          ...(input.current ? { current: input.current } : {}),
          entityLimit: 0,
        },
        credentials,
      );
      const words = describeTrackPreview(preview);
      return {
        output: {
          valid: preview.valid,
          headline: words.headline,
          impacts: preview.valid ? words.lines : [],
          entitiesChanged: preview.entitiesChanged,
          entitiesNewlyFailing: preview.entitiesNewlyFailing,
          problems: preview.problems.map(p => ({
            message: p.message,
            ...(p.line ? { line: p.line } : {}),
          })),
        },
      };
    },
  });
}
