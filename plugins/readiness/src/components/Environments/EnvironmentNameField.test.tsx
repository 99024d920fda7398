import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EnvironmentNameField,
  environmentNameValidation,
} from './EnvironmentNameField';

const staging = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'rag-staging', namespace: 'default' },
  spec: { type: 'environment', owner: 'group:default/rag-team' },
};

function Harness() {
  const [value, setValue] = useState<string | undefined>();
  return (
    <EnvironmentNameField
      {...({
        formData: value,
        onChange: setValue,
        required: true,
        rawErrors: [],
        schema: { title: 'Name', type: 'string' },
        idSchema: { $id: 'root_name' },
        uiSchema: {},
      } as any)}
    />
  );
}

describe('EnvironmentNameField', () => {
  const render = () =>
    renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, new InMemoryCatalogClient({ entities: [staging] })],
        ]}
      >
        <Harness />
      </TestApiProvider>,
    );

  it('says live whether the name breaks the rule, is taken (and by whom) or is free', async () => {
    await render();
    const input = screen.getByLabelText(/Name/);
    await userEvent.type(input, 'Rag');
    expect(
      screen.getByText(/^Must be 3 to 40 lower-case letters/),
    ).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, 'rag-staging');
    expect(
      await screen.findByText(
        'rag-staging is taken: the catalog already has it (owned by rag-team)',
      ),
    ).toBeInTheDocument();
    await userEvent.type(input, '-eu');
    expect(
      await screen.findByText('rag-staging-eu is free'),
    ).toBeInTheDocument();
  });
});

describe('environmentNameValidation', () => {
  const catalog = new InMemoryCatalogClient({ entities: [staging] });
  const apiHolder: ApiHolder = {
    get: ref => (ref.id === catalogApiRef.id ? (catalog as any) : undefined),
  };
  const validate = async (value: string) => {
    const errors: string[] = [];
    await environmentNameValidation(
      value,
      { addError: (e: string) => errors.push(e) } as any,
      { apiHolder },
    );
    return errors;
  };

  it('refuses a malformed or taken name when the step is submitted', async () => {
    expect(await validate('rag-staging')).toEqual([
      'rag-staging is taken: the catalog already has it',
    ]);
    expect(await validate('-bad')).toEqual([
      expect.stringMatching(/^Must be 3 to 40/),
    ]);
    await waitFor(async () =>
      expect(await validate('rag-staging-eu')).toEqual([]),
    );
  });
});
