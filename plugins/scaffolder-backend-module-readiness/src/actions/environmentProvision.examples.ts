import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Documented examples of readiness:environment:provision; every one runs in environmentProvision.examples.test.ts. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish the rendered definition of rag-staging-eu (fetched into ./environment), register it, and record it with the readiness backend',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          name: 'Provision the environment',
          action: 'readiness:environment:provision',
          input: { name: 'rag-staging-eu', sourcePath: 'environment' },
        },
      ],
    }),
  },
];
