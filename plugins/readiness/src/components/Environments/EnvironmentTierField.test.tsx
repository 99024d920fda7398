import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiHolder, configApiRef } from '@backstage/core-plugin-api';
import { ConfigReader } from '@backstage/config';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { readinessApiRef } from '../../api';
import { fakeApi, fixtures } from '../../__testUtils__/render';
import {
  EnvironmentTierField,
  environmentTierValidation,
} from './EnvironmentTierField';

const config = new ConfigReader({
  readiness: {
    scaffolder: {
      productionGate: {
        trackId: 'rag-production-readiness',
        gateId: 'deployment-prepared',
      },
    },
  },
});
const REASON =
  'Production needs Deployment prepared (sprint 7) passed by every component of rag-platform; ' +
  'RAG API, RAG Ingestion, RAG Retriever and RAG Web have not passed it yet, ' +
  'blocked by OIDC login works end to end, Backend API test suite passes and Backend line coverage at least 70 %.';

function Harness(props: { system?: string }) {
  const [value, setValue] = useState<string | undefined>('staging');
  return (
    <EnvironmentTierField
      {...({
        formData: value,
        onChange: setValue,
        required: true,
        rawErrors: [],
        schema: {
          title: 'Tier',
          type: 'string',
          enum: ['dev', 'staging', 'production'],
          description: 'Production needs the readiness gate first.',
        },
        formContext: { formData: { system: props.system } },
        idSchema: { $id: 'root_tier' },
        uiSchema: {},
      } as any)}
    />
  );
}

describe('EnvironmentTierField', () => {
  const api = fakeApi();
  const render = (system?: string) =>
    renderInTestApp(
      <TestApiProvider
        apis={[
          [readinessApiRef, api],
          [configApiRef, config],
        ]}
      >
        <Harness system={system} />
      </TestApiProvider>,
    );

  it('refuses production on the first step, with the reason, while the system has not passed its gate', async () => {
    await render('system:default/rag-platform');
    expect(await screen.findByText(REASON)).toBeInTheDocument();
    expect(screen.getByLabelText('production')).toBeDisabled();
    await userEvent.click(screen.getByLabelText('dev'));
    expect(screen.getByLabelText('dev')).toBeChecked();
  });

  it('offers production when every component has passed the gate', async () => {
    const system = JSON.parse(JSON.stringify(fixtures.system));
    for (const e of system.entities)
      for (const t of e.tracks) t.gates['deployment-prepared'] = 'passed';
    const passing = fakeApi({ getSystemReadiness: async () => system });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [readinessApiRef, passing],
          [configApiRef, config],
        ]}
      >
        <Harness system="system:default/rag-platform" />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(passing.calls.map(([n]) => n)).toContain('getSystemReadiness'),
    );
    expect(screen.getByLabelText('production')).not.toBeDisabled();
    expect(
      screen.getByText('Production needs the readiness gate first.'),
    ).toBeInTheDocument();
  });

  it('refuses production when the step is submitted, naming why', async () => {
    const errors: string[] = [];
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === readinessApiRef.id ? api : config,
    } as unknown as ApiHolder;
    await environmentTierValidation(
      'production',
      { addError: (e: string) => errors.push(e) } as any,
      { apiHolder, formData: { system: 'system:default/rag-platform' } },
    );
    expect(errors).toEqual([REASON]);
    await environmentTierValidation(
      'staging',
      { addError: (e: string) => errors.push(e) } as any,
      { apiHolder, formData: { system: 'system:default/rag-platform' } },
    );
    expect(errors).toHaveLength(1);
  });
});
