import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createEnvironmentDecommissionAction } from './environmentDecommission';

jest.setTimeout(60_000);

describe('readiness:environment:decommission', () => {
  let setup: Awaited<ReturnType<typeof startReadinessForActions>>;
  let directory: string;

  beforeAll(async () => {
    setup = await startReadinessForActions();
    // rag-api runs 1.4.0 in rag-staging.
    await setup.readiness.createDeployment({
      entityRef: 'component:default/rag-api',
      environment: 'rag-staging',
      version: '1.4.0',
      status: 'succeeded',
    });
  });
  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'decommission-'));
    await fs.mkdir(path.join(directory, 'rag-staging'));
    await fs.writeFile(
      path.join(directory, 'rag-staging/catalog-info.yaml'),
      'kind: Resource\n',
    );
  });
  afterEach(async () => fs.rm(directory, { recursive: true, force: true }));

  /** The catalog with uids, as the real one serves entities, so the environment can be removed by uid. */
  const catalogWithUids = () =>
    catalogServiceMock({
      entities: setup.entities.map((e, i) => ({
        ...e,
        metadata: { ...e.metadata, uid: `uid-${i}` },
      })),
    });
  const action = (catalog = catalogWithUids()) =>
    createEnvironmentDecommissionAction({
      catalog,
      auth: setup.auth,
      readiness: setup.readiness,
      directory,
    });
  const context = (input: object) =>
    createMockActionContext({
      input: { name: 'rag-staging', reason: 'Replaced', ...input } as any,
      task: { id: 'task-9' } as any,
      user: { ref: 'user:default/maria.garcia' } as any,
    });

  it('refuses while a service is still deployed there, naming it', async () => {
    const ctx = context({});
    await expect(action().handler(ctx as any)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'resource:default/rag-staging still runs component:default/rag-api@1.4.0, component:default/rag-ingestion@1.0.0, component:default/rag-retriever@2.1.0, component:default/rag-web@0.9.0; undeploy first, or confirm that they may go with it',
    });
    expect(await fs.readdir(directory)).toEqual(['rag-staging']);
  });

  it('dry run: says what would happen and changes nothing', async () => {
    const ctx = { ...context({ confirmDeployed: true }), isDryRun: true };
    await action().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith(
      'archivedTo',
      path.join(directory, '.archive', 'rag-staging-task-9'),
    );
    expect(await fs.readdir(directory)).toEqual(['rag-staging']);
  });

  it('archives the definition with a note and removes the environment from the catalog, once confirmed', async () => {
    const catalog = catalogWithUids();
    await action(catalog).handler(context({ confirmDeployed: true }) as any);
    const archived = path.join(directory, '.archive', 'rag-staging-task-9');
    expect((await fs.readdir(archived)).sort()).toEqual([
      'DECOMMISSIONED.md',
      'catalog-info.yaml',
    ]);
    const note = await fs.readFile(
      path.join(archived, 'DECOMMISSIONED.md'),
      'utf8',
    );
    expect(note).toMatch(/- by: user:default\/maria.garcia\n/);
    expect(note).toMatch(/- reason: Replaced\n/);
    expect(note).toMatch(
      /- still deployed then: component:default\/rag-api@1.4.0, component:default\/rag-ingestion@1.0.0, component:default\/rag-retriever@2.1.0, component:default\/rag-web@0.9.0\n/,
    );
    expect(await fs.readdir(directory)).toEqual(['.archive']);
    expect(
      await catalog.getEntityByRef('resource:default/rag-staging', {
        credentials: await setup.auth.getOwnServiceCredentials(),
      }),
    ).toBeUndefined();
    // The readiness backend knows: staging-scoped gates stop applying (the record is kept, who and which task).
    const [recorded] = (
      await setup.readiness.listEnvironments({
        system: 'rag-platform',
        includeDecommissioned: true,
      })
    ).filter(e => e.entityRef === 'resource:default/rag-staging');
    expect(recorded).toMatchObject({
      status: 'decommissioned',
      decommissionedBy: 'user:default/maria.garcia',
    });
    expect(
      (await setup.readiness.listEnvironments({ system: 'rag-platform' })).map(
        e => e.entityRef,
      ),
    ).toEqual(['resource:default/rag-dev']);
  });

  it('decommissions an environment that was never recorded with the readiness backend (provisioned before it kept a registry)', async () => {
    await fs.mkdir(path.join(directory, 'rag-legacy'));
    const legacy = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'rag-legacy', namespace: 'default', uid: 'uid-legacy' },
      spec: { type: 'environment' },
    };
    const catalog = catalogServiceMock({
      entities: [...setup.entities, legacy],
    });
    const ctx = context({ name: 'rag-legacy' });
    const info = jest.spyOn(ctx.logger, 'info');
    await action(catalog).handler(ctx as any);
    expect(await fs.readdir(path.join(directory, '.archive'))).toEqual([
      'rag-legacy-task-9',
    ]);
    expect(info).toHaveBeenCalledWith(
      'resource:default/rag-legacy was never recorded with the readiness backend; nothing to mark',
    );
  });

  it.each([
    [
      { name: 'rag-nothing' },
      /name: there is no environment 'rag-nothing' to decommission/,
    ],
    [
      { name: 'rag-dev' },
      /name: resource:default\/rag-dev was not provisioned by this portal/,
    ],
    [{ name: '../etc' }, /name: '..\/etc' must be 3 to 40 lower-case letters/],
  ])('refuses %j', async (input, message) => {
    await expect(action().handler(context(input) as any)).rejects.toThrow(
      message,
    );
  });
});
