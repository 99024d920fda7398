import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Documented examples of readiness:environment:decommission; every one runs in environmentDecommission.examples.test.ts. */
export const examples: TemplateExample[] = [
  {
    description:
      'Decommission rag-staging-eu, which must have nothing deployed to it',
    example: yaml.stringify({
      steps: [
        {
          id: 'decommission',
          name: 'Decommission the environment',
          action: 'readiness:environment:decommission',
          input: {
            name: 'rag-staging-eu',
            reason: 'Replaced by rag-staging-eu2',
          },
        },
      ],
    }),
  },
  {
    description:
      'Decommission it although services are still deployed there (explicitly confirmed)',
    example: yaml.stringify({
      steps: [
        {
          id: 'decommission',
          name: 'Decommission the environment',
          action: 'readiness:environment:decommission',
          input: {
            name: 'rag-staging-eu',
            reason: 'Region closed',
            confirmDeployed: true,
          },
        },
      ],
    }),
  },
];
