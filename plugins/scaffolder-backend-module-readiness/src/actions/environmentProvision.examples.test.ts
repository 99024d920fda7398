import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createEnvironmentProvisionAction } from './environmentProvision';
import { examples } from './environmentProvision.examples';

describe('readiness:environment:provision examples', () => {
  it('runs the example: publishes ./environment and finds the environment in the catalog', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'provision-ex-'));
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'provision-ex-envs-'));
    await fs.mkdir(path.join(workspace, 'environment'));
    await fs.writeFile(
      path.join(workspace, 'environment/catalog-info.yaml'),
      yaml.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'rag-staging-eu' }, spec: { type: 'environment', owner: 'rag-team' } }),
    );
    // The catalog as it is once it has read the published file: the location and the new environment.
    const catalog = catalogServiceMock({
      entities: [
        { apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name: 'environments', namespace: 'default' }, spec: { type: 'file', target: `${directory}/*/catalog-info.yaml` } },
        { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'rag-staging-eu', namespace: 'default' }, spec: { type: 'environment' } },
      ],
    });
    const action = createEnvironmentProvisionAction({ catalog, auth: mockServices.auth(), directory });
    const ctx = createMockActionContext({ input: yaml.parse(examples[0].example).steps[0].input, workspacePath: workspace, task: { id: 'example' } as any });
    await action.handler(ctx as any);
    expect(await fs.readdir(path.join(directory, 'rag-staging-eu'))).toEqual(['.provisioned-by', 'catalog-info.yaml']);
    expect(ctx.output).toHaveBeenCalledWith('entityRef', 'resource:default/rag-staging-eu');
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(directory, { recursive: true, force: true });
  });
});
