import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import {
  catalogReadsDirectory,
  createEnvironmentProvisionAction,
} from './environmentProvision';

jest.setTimeout(60_000);

const resource = (
  name: string,
  tier = 'staging',
) => `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  annotations:
    readiness.io/environment-tier: ${tier}
spec:
  type: environment
  owner: group:default/rag-team
  system: rag-platform
`;

describe('readiness:environment:provision', () => {
  let workspace: string;
  let directory: string;
  let setup: Awaited<ReturnType<typeof startReadinessForActions>>;

  beforeAll(async () => {
    setup = await startReadinessForActions();
  });

  beforeEach(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'provision-ws-'));
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'provision-envs-'));
    await fs.mkdir(path.join(workspace, 'environment/k8s'), {
      recursive: true,
    });
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      resource('rag-staging-eu'),
    );
    await fs.writeFile(
      path.join(workspace, 'environment/k8s/namespace.yaml'),
      'kind: Namespace\n',
    );
  });
  afterEach(async () => {
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(directory, { recursive: true, force: true });
  });

  const location = () => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'environments', namespace: 'default' },
    spec: { type: 'file', target: `${directory}/*/catalog-info.yaml` },
  });
  const action = (entities: any[] = [location()]) =>
    createEnvironmentProvisionAction({
      catalog: catalogServiceMock({ entities }),
      auth: setup.auth,
      readiness: setup.readiness,
      directory,
      waitForEntityMs: 0,
    });
  const context = (input: object, extra: object = {}) =>
    createMockActionContext({
      input: {
        name: 'rag-staging-eu',
        sourcePath: 'environment',
        ...input,
      } as any,
      workspacePath: workspace,
      ...extra,
    });

  it('publishes the definition to the environments directory, marked with the task', async () => {
    const ctx = context({}, { task: { id: 'task-1' } });
    await action().handler(ctx as any);
    const target = path.join(directory, 'rag-staging-eu');
    expect(
      await fs.readFile(path.join(target, 'k8s/namespace.yaml'), 'utf8'),
    ).toBe('kind: Namespace\n');
    expect(
      await fs.readFile(path.join(target, '.provisioned-by'), 'utf8'),
    ).toBe('task-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/rag-staging-eu',
    );
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'catalog-info.yaml',
      'k8s/namespace.yaml',
    ]);
  });

  it('records the environment with the readiness backend, so gates scoped to its tier apply to the system', async () => {
    const gate = async () => {
      const card = await setup.readiness.getScorecard(
        'component:default/rag-api',
      );
      return card.tracks
        .find(t => t.track.metadata.name === 'rag-production-readiness')!
        .evaluation.gates.find(g => g.gateId === 'production-verified')!;
    };
    expect((await gate()).status).toBe('not-applicable');
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      resource('rag-prod-eu', 'production'),
    );
    const ctx = createMockActionContext({
      input: { name: 'rag-prod-eu', sourcePath: 'environment' },
      workspacePath: workspace,
      task: { id: 'task-7' } as any,
      user: { ref: 'user:default/maria.garcia' } as any,
    });
    await action().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith(
      'systemRef',
      'system:default/rag-platform',
    );
    expect(ctx.output).toHaveBeenCalledWith('tier', 'production');
    const recorded = (
      await setup.readiness.listEnvironments({ system: 'rag-platform' })
    ).find(e => e.entityRef === 'resource:default/rag-prod-eu');
    expect(recorded).toMatchObject({
      tier: 'production',
      status: 'active',
      recordedBy: 'user:default/maria.garcia',
      taskId: 'task-7',
    });
    // Applies now (behind deployment-prepared, which the seed's OIDC failure blocks).
    expect(await gate()).toMatchObject({
      status: 'blocked',
      environments: ['rag-prod-eu'],
    });
    await setup.readiness.decommissionEnvironment(
      'resource:default/rag-prod-eu',
    );
  });

  it('refuses a definition without a system or a tier: it could not be recorded', async () => {
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      resource('rag-staging-eu').replace(/ {2}annotations:\n.*\n/, ''),
    );
    await expect(action().handler(context({}) as any)).rejects.toThrow(
      'sourcePath: catalog-info.yaml must name spec.system and the annotation readiness.io/environment-tier',
    );
    expect(await fs.readdir(directory)).toEqual([]);
  });

  it('is idempotent for a retried task, and refuses a name another task published', async () => {
    await action().handler(context({}, { task: { id: 'task-1' } }) as any);
    await action().handler(context({}, { task: { id: 'task-1' } }) as any);
    await expect(
      action().handler(context({}, { task: { id: 'task-2' } }) as any),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /already exists: environment 'rag-staging-eu' was provisioned before/,
      ),
    });
  });

  it('dry run: checks the definition and lists the files, writes nothing', async () => {
    // createMockActionContext does not take isDryRun; the scaffolder sets it on the context.
    const ctx = { ...context({ name: 'rag-dry-run' }), isDryRun: true };
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      resource('rag-dry-run'),
    );
    await action().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'catalog-info.yaml',
      'k8s/namespace.yaml',
    ]);
    expect(await fs.readdir(directory)).toEqual([]);
    expect(
      (
        await setup.readiness.listEnvironments({ includeDecommissioned: true })
      ).map(e => e.entityRef),
    ).not.toContain('resource:default/rag-dry-run');
  });

  it.each([
    [
      { sourcePath: '../../etc' },
      /Relative path is not allowed to refer to a directory outside its parent|outside/,
    ],
    [
      { sourcePath: 'missing' },
      /sourcePath: no readable catalog-info.yaml in missing/,
    ],
    [
      { name: 'rag-other' },
      /catalog-info.yaml must describe Resource 'rag-other' with spec.type environment/,
    ],
    [
      { name: 'Bad_Name' },
      /name: 'Bad_Name' must be 3 to 40 lower-case letters/,
    ],
  ])('refuses %j', async (input, message) => {
    await expect(action().handler(context(input) as any)).rejects.toThrow(
      message,
    );
  });

  it('publishes even before the catalog has a Location entity for the directory (it reads it on its next run)', async () => {
    await action([]).handler(context({}, { task: { id: 't' } }) as any);
    expect(await fs.readdir(directory)).toEqual(['rag-staging-eu']);
  });

  it('knows whether catalog.locations reads the directory', () => {
    expect(
      catalogReadsDirectory(
        [
          {
            type: 'file',
            target: '../../.data/environments/*/catalog-info.yaml',
          },
        ],
        '/repo/.data/environments',
        '/repo/packages/backend',
      ),
    ).toBe(true);
    expect(
      catalogReadsDirectory(
        [{ type: 'file', target: '../../catalog-info.yaml' }],
        '/repo/.data/environments',
        '/repo/packages/backend',
      ),
    ).toBe(false);
    expect(
      catalogReadsDirectory(
        [
          {
            type: 'url',
            target: 'https://x/.data/environments/*/catalog-info.yaml',
          },
        ],
        '/x',
        '/',
      ),
    ).toBe(false);
  });
});
