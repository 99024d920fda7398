import yaml from 'yaml';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createGateCheckAction } from './gateCheck';
import { examples } from './gateCheck.examples';

jest.setTimeout(60_000);

describe('readiness:gate:check examples', () => {
  let action: ReturnType<typeof createGateCheckAction>;
  beforeAll(async () => {
    action = createGateCheckAction(await startReadinessForActions());
  });

  it('runs the first example: rag-api is catalogued', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
    });
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('status', 'passed');
  });

  it('runs the second example: the backend is not verified, so the step fails with the root causes', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[1].example).steps[0].input,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /has not passed “Backend verified \(sprint 2\)”[^\n]*\nWhat blocks it, at the bottom of the chain:\n {2}- OIDC login works end to end: /,
    );
  });
});
