import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityDeploymentsCard } from './EntityDeploymentsCard';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

jest.setTimeout(20_000);

const staging = () =>
  fixtures.matrix.environments.find(
    (e: any) => e.environment === 'resource:default/rag-staging',
  );

describe('EntityDeploymentsCard', () => {
  it('shows the environment × version matrix with status and age', async () => {
    await render(<EntityDeploymentsCard />);
    const row = screen.getByTestId('env-rag-staging');
    expect(within(row).getByText('RAG staging')).toBeInTheDocument();
    expect(within(row).getByText(staging().latest.version)).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    // The card is narrow: the age sits under the version, not in a column of its own.
    expect(
      screen.queryByRole('columnheader', { name: 'Deployed' }),
    ).not.toBeInTheDocument();
    // When the latest went out, and which version last succeeded and when.
    expect(within(row).getByText(/^\d+ \w+ ago$/)).toBeInTheDocument();
    expect(
      within(row).getByText(
        new RegExp(`^${staging().lastSuccessful.version}, \\d+ \\w+ ago$`),
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('env-rag-production')).getByText(
        'never deployed',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Roll back' }),
    ).not.toBeInTheDocument();
  });

  it('says where environments come from when there are none', async () => {
    await render(<EntityDeploymentsCard />, {
      api: fakeApi({
        getDeploymentMatrix: async () => ({ entityRef: 'x', environments: [] }),
      }),
    });
    expect(screen.getByText('No environments')).toBeInTheDocument();
  });
});

describe('EntityDeploymentsContent', () => {
  it('pages the history', async () => {
    const api = fakeApi({
      listDeployments: async (_ref, options) => ({
        items: fixtures.deployments.items.slice(0, 1),
        total: 25,
        ...(options ? {} : {}),
      }),
    });
    await render(<EntityDeploymentsContent />, { api });
    // The tab is wide: a Deployed column.
    expect(
      await screen.findByRole('columnheader', { name: 'Deployed' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('1-10 of 25')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(
        api.calls
          .filter(([n]) => n === 'listDeployments')
          .map(([, a]) => (a[1] as any).offset),
      ).toContain(10),
    );
  });

  it('rolls back after a confirmation that says what will happen, including that no webhook is configured', async () => {
    const target = staging().latest;
    const previous = fixtures.deployments.items.find(
      (d: any) =>
        d.environment === target.environment && d.status === 'succeeded',
    );
    const api = fakeApi({
      rollbackDeployment: async (id, reason) => ({
        deployment: {
          ...previous,
          id: 'new',
          rollbackOf: id,
          status: 'in_progress',
          ...(reason ? {} : {}),
        },
        webhook: {
          configured: false,
          message: 'No rollback webhook is configured',
        },
      }),
    });
    await render(<EntityDeploymentsContent />, { api });
    await userEvent.click(
      await within(screen.getByTestId('env-rag-staging')).findByRole('button', {
        name: 'Roll back',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await waitFor(() =>
      expect(dialog).toHaveTextContent(
        `This records a new deployment of ${previous.version}`,
      ),
    );
    expect(
      within(dialog).getByText(
        /No rollback webhook is configured: the rollback is recorded, but no CD system is told/,
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'latency regression',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );
    expect(
      await screen.findByText(
        `Rolling back to ${previous.version}: No rollback webhook is configured`,
      ),
    ).toBeInTheDocument();
    expect(api.calls.find(([n]) => n === 'rollbackDeployment')![1]).toEqual([
      target.id,
      'latency regression',
    ]);
  });

  it('says the CD system is told when a webhook is configured', async () => {
    await render(<EntityDeploymentsContent />, {
      api: fakeApi({
        getDeploymentMatrix: async () => ({
          ...fixtures.matrix,
          rollbackWebhook: { configured: true },
        }),
      }),
    });
    await userEvent.click(
      await within(screen.getByTestId('env-rag-staging')).findByRole('button', {
        name: 'Roll back',
      }),
    );
    expect(
      within(screen.getByRole('dialog')).getByText(
        /The CD system is told through the rollback webhook/,
      ),
    ).toBeInTheDocument();
  });

  it('offers no rollback without the permission, and shows how CI records deployments when there are none', async () => {
    const asked: string[] = [];
    await render(<EntityDeploymentsContent />, {
      allow: false,
      onPermission: n => asked.push(n),
      api: fakeApi({ listDeployments: async () => ({ items: [], total: 0 }) }),
    });
    await waitFor(() =>
      expect(asked).toContain('readiness.deployment.rollback'),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: 'Roll back' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('No deployments recorded yet')).toBeInTheDocument();
    expect(screen.getByText(/api\/readiness\/deployments/)).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await render(<EntityDeploymentsContent />, {
      api: fakeApi({
        getDeploymentMatrix: async () =>
          Promise.reject(new Error('matrix failed')),
      }),
    });
    expect(
      (await screen.findAllByText(/matrix failed/)).length,
    ).toBeGreaterThan(0);
  });
});
