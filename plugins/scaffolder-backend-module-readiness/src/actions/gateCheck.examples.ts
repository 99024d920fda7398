import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Documented examples of readiness:gate:check; every one runs in gateCheck.examples.test.ts. */
export const examples: TemplateExample[] = [
  {
    description:
      'Stop the template unless the service passed its "Catalogued" baseline gate',
    example: yaml.stringify({
      steps: [
        {
          id: 'catalogued',
          name: 'The service is catalogued',
          action: 'readiness:gate:check',
          input: {
            entityRef: 'component:default/rag-api',
            trackId: 'service-baseline',
            gateId: 'catalogued',
          },
        },
      ],
    }),
  },
  {
    description:
      'Refuse to go on while the backend is not verified, listing the root causes',
    example: yaml.stringify({
      steps: [
        {
          id: 'backend-verified',
          name: 'Backend verified',
          action: 'readiness:gate:check',
          input: {
            entityRef: 'component:default/rag-api',
            trackId: 'rag-production-readiness',
            gateId: 'backend-verified',
          },
        },
      ],
    }),
  },
];
