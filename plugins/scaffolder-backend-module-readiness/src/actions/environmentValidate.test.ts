import { ENVIRONMENT_NAME_PATTERN } from '@readiness-io/plugin-readiness-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createEnvironmentValidateAction } from './environmentValidate';

jest.setTimeout(60_000);

const productionGate = {
  trackId: 'rag-production-readiness',
  gateId: 'deployment-prepared',
};

describe('readiness:environment:validate', () => {
  let action: ReturnType<typeof createEnvironmentValidateAction>;
  beforeAll(async () => {
    action = createEnvironmentValidateAction({
      ...(await startReadinessForActions()),
      productionGate,
    });
  });
  const run = async (input: object) => {
    const ctx = createMockActionContext({
      input: {
        system: 'system:default/rag-platform',
        tier: 'staging',
        ...input,
      } as any,
    });
    await action.handler(ctx as any);
    return ctx;
  };

  it('refuses a production environment when no production gate is configured, saying where to set it', async () => {
    const unconfigured = createEnvironmentValidateAction(
      await startReadinessForActions(),
    );
    const ctx = createMockActionContext({
      input: {
        system: 'system:default/rag-platform',
        tier: 'production',
        name: 'rag-prod-new',
      } as any,
    });
    await expect(unconfigured.handler(ctx as any)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('readiness.scaffolder.productionGate'),
    });
  });

  it('accepts a new staging environment and outputs its ref', async () => {
    const ctx = await run({ name: 'rag-staging-eu' });
    expect(ctx.output).toHaveBeenCalledWith(
      'environmentRef',
      'resource:default/rag-staging-eu',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'systemRef',
      'system:default/rag-platform',
    );
  });

  it.each([
    ['RAG-Staging', /name: 'RAG-Staging' must be 3 to 40 lower-case letters/],
    ['rag-', /must be 3 to 40/],
    ['ab', /must be 3 to 40/],
    [
      'rag-staging',
      /name: resource:default\/rag-staging already exists in the catalog \(owned by group:default\/rag-team\)/,
    ],
  ])('refuses the name %p', async (name, message) => {
    await expect(run({ name })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
  });

  it('refuses an unknown system', async () => {
    await expect(
      run({ name: 'rag-x', system: 'system:default/ghost' }),
    ).rejects.toThrow(/system: no System system:default\/ghost in the catalog/);
  });

  it('refuses production while the system has not passed its deployment gate, naming the gate, components and root causes', async () => {
    const error = await run({
      name: 'rag-production-eu',
      tier: 'production',
    }).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'tier: Production needs Deployment prepared (sprint 7) passed by every component of rag-platform; ' +
        'RAG API, RAG Ingestion, RAG Retriever and RAG Web have not passed it yet, ' +
        'blocked by OIDC login works end to end, Backend API test suite passes and Backend line coverage at least 70 %.',
    );
  });

  it('checks names with one rule', () => {
    expect(
      ['rag-dev', 'abc', 'a1-b2'].every(n => ENVIRONMENT_NAME_PATTERN.test(n)),
    ).toBe(true);
    expect(
      ['1abc', 'ab', 'a_b', 'abc-', 'a'.repeat(41)].some(n =>
        ENVIRONMENT_NAME_PATTERN.test(n),
      ),
    ).toBe(false);
  });
});
