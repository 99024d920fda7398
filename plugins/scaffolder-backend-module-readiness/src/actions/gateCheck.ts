import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  describeGateResult,
  ReadinessApi,
} from '@readiness-io/plugin-readiness-common';
import { examples } from './gateCheck.examples';

/**
 * `readiness:gate:check` — fails the step unless the entity has passed the gate, with the root causes in the error.
 * Read-only, so it runs in dry runs too.
 *
 * @public
 */
export function createGateCheckAction(options: { readiness: ReadinessApi }) {
  return createTemplateAction({
    id: 'readiness:gate:check',
    description:
      'Fails the step unless the entity has passed a readiness gate; the error lists the root causes.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .regex(
              /^[\w-]+:([\w.-]+\/)?[\w.-]+$/,
              'an entity ref like component:default/rag-api',
            )
            .describe('The entity, e.g. component:default/rag-api'),
        trackId: z =>
          z
            .string()
            .min(1)
            .describe('The track, e.g. rag-production-readiness'),
        gateId: z =>
          z.string().min(1).describe('The gate, e.g. deployment-prepared'),
      },
      output: {
        status: z =>
          z
            .string()
            .describe('passed | failed | blocked | unknown | not-applicable'),
        rootCauses: z =>
          z.array(z.string()).describe('gateId/checkId of each root cause'),
      },
    },
    async handler(ctx) {
      const { entityRef, trackId, gateId } = ctx.input;
      let answer;
      try {
        answer = await options.readiness.getGate(entityRef, trackId, gateId);
      } catch (error) {
        const e = error as {
          statusCode?: number;
          body?: { error?: { message?: string } };
          message: string;
        };
        if (e.statusCode === 404)
          throw new InputError(
            `readiness:gate:check: ${e.body?.error?.message ?? e.message}`,
          );
        throw error;
      }
      const gate = answer.gate;
      const rootCauses = gate.rootCauses.map(c => `${c.gateId}/${c.checkId}`);
      ctx.output('status', gate.status);
      ctx.output('rootCauses', rootCauses);
      const report = describeGateResult(answer);
      if (!report.passed) {
        throw new InputError([report.headline, ...report.details].join('\n'));
      }
      ctx.logger.info(report.headline);
    },
  });
}
