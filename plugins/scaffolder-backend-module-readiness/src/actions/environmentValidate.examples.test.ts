import yaml from 'yaml';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createEnvironmentValidateAction } from './environmentValidate';
import { examples } from './environmentValidate.examples';

jest.setTimeout(60_000);

describe('readiness:environment:validate examples', () => {
  let action: ReturnType<typeof createEnvironmentValidateAction>;
  beforeAll(async () => {
    action = createEnvironmentValidateAction({
      ...(await startReadinessForActions()),
      productionGate: {
        trackId: 'rag-production-readiness',
        gateId: 'deployment-prepared',
      },
    });
  });

  it('runs the first example: a new staging environment is valid', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
    });
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith(
      'environmentRef',
      'resource:default/rag-staging-eu',
    );
  });

  it('runs the second example: production is refused while the demo is blocked', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[1].example).steps[0].input,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /^tier: Production needs Deployment prepared \(sprint 7\) passed by every component of rag-platform/,
    );
  });
});
