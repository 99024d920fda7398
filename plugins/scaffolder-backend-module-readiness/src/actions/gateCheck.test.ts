import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createGateCheckAction } from './gateCheck';

jest.setTimeout(60_000);

describe('readiness:gate:check', () => {
  let action: ReturnType<typeof createGateCheckAction>;
  beforeAll(async () => {
    const { readiness } = await startReadinessForActions();
    action = createGateCheckAction({ readiness });
  });

  it('passes a gate the entity has passed, and outputs its status', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/rag-api',
        trackId: 'service-baseline',
        gateId: 'catalogued',
      },
    });
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('status', 'passed');
    expect(ctx.output).toHaveBeenCalledWith('rootCauses', []);
  });

  it('fails the step for a gate not passed, naming the root causes', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/rag-web',
        trackId: 'rag-production-readiness',
        gateId: 'frontend-verified',
      },
    });
    const error = await action.handler(ctx as any).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'RAG Web has not passed “Frontend verified (sprint 3)” (RAG production readiness): it is blocked behind Backend verified (sprint 2).',
    );
    expect(error.message).toMatch(
      /\n {2}- OIDC login works end to end: 3 of 3 tests failed \(invalid_client: .*\) for rag-api, 3 days ago; expected all to pass\./,
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'blocked');
  });

  it('fails the step for a gate scoped to an environment the system does not have, saying so', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'production-verified',
      },
    });
    await expect(action.handler(ctx as any)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'RAG API has not passed “Production verified” (RAG production readiness): it does not apply yet. ' +
        'rag-platform has no production environment recorded yet.',
    });
    expect(ctx.output).toHaveBeenCalledWith('status', 'not-applicable');
  });

  it('says which gate or track does not exist', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'no-such-gate',
      },
    });
    await expect(action.handler(ctx as any)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/no gate 'no-such-gate'/),
    });
  });

  it('declares its input schema for the template editor', () => {
    expect(action.id).toBe('readiness:gate:check');
    expect(action.supportsDryRun).toBe(true);
    expect(
      Object.keys((action.schema?.input as any)?.properties ?? {}),
    ).toEqual(['entityRef', 'trackId', 'gateId']);
  });
});
