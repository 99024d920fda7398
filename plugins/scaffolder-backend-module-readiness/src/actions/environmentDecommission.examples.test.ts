import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { startReadinessForActions } from '../__testUtils__/readinessBackend';
import { createEnvironmentDecommissionAction } from './environmentDecommission';
import { examples } from './environmentDecommission.examples';

jest.setTimeout(60_000);

describe('readiness:environment:decommission examples', () => {
  it.each(examples.map((e, i) => [i, e.description]))(
    'runs example %i: %s',
    async index => {
      const setup = await startReadinessForActions();
      const directory = await fs.mkdtemp(
        path.join(os.tmpdir(), 'decommission-ex-'),
      );
      await fs.mkdir(path.join(directory, 'rag-staging-eu'));
      const environment = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'rag-staging-eu',
          namespace: 'default',
          uid: 'env-uid',
        },
        spec: { type: 'environment', system: 'rag-platform' },
      };
      const catalog = catalogServiceMock({
        entities: [...setup.entities, environment],
      });
      const action = createEnvironmentDecommissionAction({
        catalog,
        auth: setup.auth,
        readiness: setup.readiness,
        directory,
      });
      const ctx = createMockActionContext({
        input: yaml.parse(examples[index as number].example).steps[0].input,
        task: { id: `ex-${index}` } as any,
      });
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('deployed', []);
      expect(await fs.readdir(path.join(directory, '.archive'))).toEqual([
        `rag-staging-eu-ex-${index}`,
      ]);
      await fs.rm(directory, { recursive: true, force: true });
    },
  );
});
