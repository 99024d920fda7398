import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Documented examples of readiness:environment:validate; every one runs in environmentValidate.examples.test.ts. */
export const examples: TemplateExample[] = [
  {
    description: 'Validate a new staging environment for the RAG platform',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the environment',
          action: 'readiness:environment:validate',
          input: {
            system: 'system:default/rag-platform',
            name: 'rag-staging-eu',
            tier: 'staging',
          },
        },
      ],
    }),
  },
  {
    description:
      'Production needs the system to have passed its deployment gate; this fails while the demo is blocked',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the environment',
          action: 'readiness:environment:validate',
          input: {
            system: 'system:default/rag-platform',
            name: 'rag-production-eu',
            tier: 'production',
          },
        },
      ],
    }),
  },
];
