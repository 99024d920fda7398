import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityRunbooksContent } from './EntityRunbooksContent';

jest.setTimeout(20_000);

describe('EntityRunbooksContent', () => {
  it('lists the runbooks with freshness, severity and owner, and renders the selected one', async () => {
    await render(<EntityRunbooksContent />);
    const oidc = screen.getByTestId('runbook-runbooks/oidc-outage.md');
    expect(within(oidc).getByText('OIDC login outage')).toBeInTheDocument();
    expect(within(oidc).getByText(/^reviewed \d+ d ago$/)).toBeInTheDocument();
    expect(within(oidc).getByText('critical')).toBeInTheDocument();
    expect(within(oidc).getByText('rag-team')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Symptoms' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('runbook-runbooks/rollback.md'));
    expect(
      screen.getByRole('heading', { name: 'From the portal' }),
    ).toBeInTheDocument();
  });

  it('shows parse errors as such, and alerts no runbook covers', async () => {
    const runbooks = {
      ...fixtures.runbooks,
      uncoveredAlerts: ['RetrieverLatencyHigh'],
      runbooks: [
        {
          target: 'bad.md',
          url: 'file:/x/bad.md',
          status: 'invalid',
          errors: [
            'severity must be one of critical, high, medium, low, got "urgent"',
          ],
          metadata: { title: 'Typo', alerts: [] },
          markdown: '# Body',
        },
        {
          target: 'gone.md',
          url: 'file:/x/gone.md',
          status: 'unreadable',
          errors: ['not found: gone.md'],
          metadata: { alerts: [] },
        },
      ],
    };
    await render(<EntityRunbooksContent />, {
      api: fakeApi({ getRunbooks: async () => runbooks }),
    });
    expect(
      within(screen.getByTestId('runbook-bad.md')).getByText(
        'front matter invalid',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('runbook-errors')).toHaveTextContent(
      'Its front matter is malformed: severity must be one of critical, high, medium, low, got "urgent"',
    );
    expect(
      screen.getByText('Alerts without a runbook: RetrieverLatencyHigh'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('runbook-gone.md'));
    expect(screen.getByTestId('runbook-errors')).toHaveTextContent(
      'This runbook cannot be read: not found: gone.md',
    );
  });

  it('finds the runbook that answers an alert', async () => {
    const api = fakeApi({
      getRunbooksByAlert: async alert => ({
        alert,
        items: [
          {
            entityRef: 'component:default/rag-api',
            target: 'runbooks/oidc-outage.md',
            url: 'file:/x',
            title: 'OIDC login outage',
          },
        ],
      }),
    });
    await render(<EntityRunbooksContent />, { api });
    await userEvent.type(
      screen.getByLabelText('Alert name'),
      'OidcLoginFailures',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    const found = await screen.findByTestId('alert-lookup');
    expect(found).toHaveTextContent('OIDC login outage of rag-api');
    expect(api.calls.find(([n]) => n === 'getRunbooksByAlert')![1]).toEqual([
      'OidcLoginFailures',
    ]);
  });

  it('explains the annotation when the entity has no runbooks', async () => {
    await render(<EntityRunbooksContent />, {
      api: fakeApi({
        getRunbooks: async () => ({ ...fixtures.runbooks, runbooks: [] }),
      }),
    });
    expect(screen.getByText('This entity has no runbooks')).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      /readiness.io\/runbooks: runbooks\/oidc-outage.md/,
    );
  });

  it('shows the backend error', async () => {
    await render(<EntityRunbooksContent />, {
      api: fakeApi({
        getRunbooks: async () => Promise.reject(new Error('runbooks failed')),
      }),
    });
    expect(
      (await screen.findAllByText(/runbooks failed/)).length,
    ).toBeGreaterThan(0);
  });
});
