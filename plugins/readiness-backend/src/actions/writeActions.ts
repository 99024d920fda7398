import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { ConflictError } from '@backstage/errors';
import {
  readinessAttestationCreatePermission,
  readinessEvidenceCreatePermission,
  readinessOnCallEscalatePermission,
  readinessWaiverRequestPermission,
  refDisplayName,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { EvidenceService } from '../facts/evidence/EvidenceService';
import {
  OnCallService,
  TooManyEscalationsError,
} from '../oncall/OnCallService';
import { AttestationService } from '../scorecards/attestations/AttestationService';
import { WaiverService } from '../scorecards/waivers/WaiverService';
import {
  ActionAuth,
  allow,
  allowUser,
  ENTITY_REF_HELP,
  refOf,
} from './actionContext';

/** The services the write actions call: the same the HTTP routes call, with the same permissions. */
export interface WriteActionDeps extends ActionAuth {
  catalog: EntityCatalog;
  evidence: EvidenceService;
  attestations: AttestationService;
  waivers: WaiverService;
  oncall: OnCallService;
}

const EVIDENCE_TYPE = /^evidence(\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;

/** The zod the actions registry hands a schema function. */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The fields that name one check of one entity (ids as get-entity-readiness and explain-gate give them). */
function checkTarget(z: Zod) {
  return {
    entityRef: z.string().min(1).describe(ENTITY_REF_HELP),
    trackId: z
      .string()
      .min(1)
      .describe('The track id, e.g. rag-production-readiness'),
    gateId: z.string().min(1).describe('The gate id, e.g. deployment-prepared'),
    checkId: z
      .string()
      .min(1)
      .describe('The check id, e.g. disaster-recovery-testing'),
  };
}

/**
 * The write actions, acting as the caller with the permissions of the matching routes: record evidence (CI, or
 * people listed as evidence writers), and — people only — attest a manual check, request a waiver (someone else
 * approves it, in the portal) and escalate to the next on-call level.
 */
export function registerWriteActions(
  registry: ActionsRegistryService,
  deps: WriteActionDeps,
) {
  registry.register({
    name: 'record-evidence',
    title: 'Record evidence for a service',
    description:
      'Records a fact CI observed about an entity — a test suite result, coverage, a scan, an evaluation score — ' +
      'under a type beginning with "evidence." (e.g. evidence.tests.oidc-login with {"status": "passed"}). The ' +
      "entity's readiness is evaluated again in the background; ask get-entity-readiness afterwards. With the same " +
      'externalId it is recorded once (idempotent). Needs readiness.evidence.create (CI tokens, or listed people).',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_HELP),
          type: z
            .string()
            .max(200)
            .regex(EVIDENCE_TYPE)
            .describe(
              'The fact type, under evidence., e.g. evidence.tests.oidc-login or evidence.coverage',
            ),
          value: z
            .union([
              z.record(z.string(), z.unknown()),
              z.array(z.unknown()),
              z.string(),
              z.number(),
              z.boolean(),
            ])
            .describe(
              'The observation, any JSON; tracks read fields of it, e.g. {"status": "passed", "failed": 0}',
            ),
          url: z
            .string()
            .url()
            .max(2000)
            .optional()
            .describe('Where a person can see it (the CI run)'),
          externalId: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe(
              'An id of the observation in CI; a repeat is recorded once',
            ),
        }),
      output: z =>
        z.object({
          recorded: z
            .boolean()
            .describe('false when the externalId was recorded already'),
          summary: z.string(),
          id: z.string(),
        }),
    },
    examples: [
      {
        title: 'The OIDC login test passes now',
        input: {
          entityRef: 'component:default/rag-api',
          type: 'evidence.tests.oidc-login',
          value: { status: 'passed', passed: 3, failed: 0 },
        },
      },
    ],
    action: async ({ input, credentials }) => {
      await allow(deps, credentials, readinessEvidenceCreatePermission);
      const { evidence, created } = await deps.evidence.record(
        {
          entityRef: refOf(input.entityRef),
          type: input.type,
          value: input.value,
          ...(input.url ? { url: input.url } : {}),
          ...(input.externalId ? { externalId: input.externalId } : {}),
        },
        credentials,
      );
      return {
        output: {
          recorded: created,
          id: evidence.id,
          summary: created
            ? `Recorded ${evidence.type} for ${refDisplayName(
                evidence.entityRef,
              )}; its readiness is being evaluated again.`
            : `${evidence.type} for ${refDisplayName(
                evidence.entityRef,
              )} was recorded already under this externalId; nothing changed.`,
        },
      };
    },
  });

  registry.register({
    name: 'attest-check',
    title: 'Sign off a manual check',
    description:
      'Signs off a manual check of a readiness track (e.g. "Disaster recovery testing") for an entity, as the ' +
      'signed-in person, with a note saying what was done; valid for the days the track sets. Only manual checks ' +
      'can be attested (get-entity-readiness and explain-gate give the ids). People only.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          ...checkTarget(z),
          note: z
            .string()
            .min(1)
            .max(2000)
            .describe('What was done, so others can trust the sign-off'),
          link: z.string().url().max(2000).optional(),
        }),
      output: z => z.object({ summary: z.string(), validUntil: z.string() }),
    },
    action: async ({ input, credentials }) => {
      const user = await allowUser(
        deps,
        credentials,
        readinessAttestationCreatePermission,
      );
      const attestation = await deps.attestations.attest(
        {
          entityRef: refOf(input.entityRef),
          trackId: input.trackId,
          gateId: input.gateId,
          checkId: input.checkId,
          note: input.note,
          ...(input.link ? { link: input.link } : {}),
        },
        user,
      );
      return {
        output: {
          validUntil: attestation.validUntil,
          summary: `Signed off ${input.checkId} for ${refDisplayName(
            attestation.entityRef,
          )} as ${refDisplayName(attestation.attestedBy)}, valid until ${
            attestation.validUntil
          }.`,
        },
      };
    },
  });

  registry.register({
    name: 'request-waiver',
    title: 'Ask for a waiver of a check',
    description:
      'Asks, as the signed-in person, to waive one check of a readiness track for an entity until a date, with ' +
      'the reason. It takes effect only once somebody else approves it in the portal — nobody approves their own. ' +
      'People only.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          ...checkTarget(z),
          reason: z.string().min(1).max(2000),
          expiresAt: z
            .string()
            .datetime({ offset: true })
            .describe(
              'When the waiver ends (ISO 8601), within the allowed days',
            ),
        }),
      output: z => z.object({ summary: z.string(), waiverId: z.string() }),
    },
    action: async ({ input, credentials }) => {
      const user = await allowUser(
        deps,
        credentials,
        readinessWaiverRequestPermission,
      );
      const waiver = await deps.waivers.request(
        { ...input, entityRef: refOf(input.entityRef) },
        user,
      );
      return {
        output: {
          waiverId: waiver.id,
          summary: `Asked to waive ${waiver.checkId} for ${refDisplayName(
            waiver.entityRef,
          )} until ${
            waiver.expiresAt
          }; it applies once someone other than you approves it.`,
        },
      };
    },
  });

  registry.register({
    name: 'escalate-on-call',
    title: 'Page the next on-call level',
    description:
      'Pages the on-call of an entity at the next escalation level (or the level given), as the signed-in person, ' +
      'with the reason; rate limited per person. This notifies people: use it only when the user asks to escalate.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).describe(ENTITY_REF_HELP),
          reason: z.string().min(1).max(2000),
          level: z.number().int().min(1).max(10).optional(),
        }),
      output: z => z.object({ summary: z.string(), level: z.number() }),
    },
    action: async ({ input, credentials }) => {
      const user = await allowUser(
        deps,
        credentials,
        readinessOnCallEscalatePermission,
      );
      const entity = await deps.catalog.getEntity(refOf(input.entityRef), user);
      let escalation;
      try {
        escalation = await deps.oncall.escalate(
          entity,
          {
            reason: input.reason,
            ...(input.level ? { level: input.level } : {}),
          },
          user.principal.userEntityRef,
        );
      } catch (error) {
        // Said as a conflict, which MCP clients are shown (the HTTP route answers 429 with Retry-After).
        if (error instanceof TooManyEscalationsError) {
          throw new ConflictError(error.message);
        }
        throw error;
      }
      return {
        output: {
          level: escalation.level,
          summary: escalation.message,
        },
      };
    },
  });
}
