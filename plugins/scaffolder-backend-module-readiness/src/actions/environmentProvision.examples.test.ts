import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createEnvironmentProvisionAction } from './environmentProvision';
import { examples } from './environmentProvision.examples';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';

jest.setTimeout(60_000);

describe('readiness:environment:provision examples', () => {
  it('runs the example: publishes ./environment, finds the environment in the catalog, records it with readiness', async () => {
    const setup = await startReadinessForActions();
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'provision-ex-'));
    const directory = await fs.mkdtemp(
      path.join(os.tmpdir(), 'provision-ex-envs-'),
    );
    await fs.mkdir(path.join(workspace, 'environment'));
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      yaml.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'rag-staging-eu',
          annotations: { 'readiness.io/environment-tier': 'staging' },
        },
        spec: {
          type: 'environment',
          owner: 'rag-team',
          system: 'rag-platform',
        },
      }),
    );
    // The catalog as it is once it has read the published file: the location and the new environment.
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'environments', namespace: 'default' },
          spec: { type: 'file', target: `${directory}/*/catalog-info.yaml` },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'rag-staging-eu', namespace: 'default' },
          spec: { type: 'environment' },
        },
      ],
    });
    const action = createEnvironmentProvisionAction({
      catalog,
      auth: setup.auth,
      readiness: setup.readiness,
      directory,
    });
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
      workspacePath: workspace,
      task: { id: 'example' } as any,
    });
    await action.handler(ctx as any);
    expect(await fs.readdir(path.join(directory, 'rag-staging-eu'))).toEqual([
      '.provisioned-by',
      'catalog-info.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/rag-staging-eu',
    );
    expect(
      (await setup.readiness.listEnvironments({ system: 'rag-platform' })).map(
        e => [e.entityRef, e.tier],
      ),
    ).toContainEqual(['resource:default/rag-staging-eu', 'staging']);
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(directory, { recursive: true, force: true });
  });
});
