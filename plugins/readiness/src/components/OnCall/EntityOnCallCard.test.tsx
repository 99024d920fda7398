import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityOnCallCard } from './EntityOnCallCard';

jest.setTimeout(20_000);

const withCurrent = {
  ...fixtures.oncall,
  current: {
    target: {
      ref: 'user:default/sam.okafor',
      name: 'Sam Okafor',
      email: 'sam.okafor@example.com',
      type: 'user',
    },
    start: '2026-11-25T07:00:00.000Z',
    end: '2026-11-25T19:00:00.000Z',
    source: 'business hours',
  },
};

describe('EntityOnCallCard', () => {
  it("shows who is on call now and next, with the hand-off in the viewer's zone, and the escalation levels", async () => {
    await render(<EntityOnCallCard />, {
      api: fakeApi({ getOnCall: async () => withCurrent }),
    });
    expect(screen.getByText('Sam Okafor')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /sam.okafor@example.com/ }),
    ).toHaveAttribute('href', 'mailto:sam.okafor@example.com');
    expect(
      screen.getByText(
        `until ${new Date('2026-11-25T19:00:00.000Z').toLocaleString(
          undefined,
          {
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            hour: '2-digit',
            minute: '2-digit',
            timeZoneName: 'short',
          },
        )} (business hours)`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('escalation-level-2')).toHaveTextContent(
      'Level 2: Maria Garcia — after 30 min',
    );
    expect(
      screen.getByText(
        `${fixtures.oncall.uncoveredHours14d} hours of the next 14 days have nobody on call.`,
      ),
    ).toBeInTheDocument();
  });

  it('says nobody when nobody is on call', async () => {
    await render(<EntityOnCallCard />);
    expect(screen.getByText('nobody')).toBeInTheDocument();
  });

  it('escalates after a confirmation with a reason, and says who was paged', async () => {
    const api = fakeApi({
      escalate: async (entityRef, request) => ({
        id: 'e-1',
        entityRef,
        provider: 'oncall-as-code',
        level: request.level ?? 1,
        reason: request.reason,
        actor: 'user:development/guest',
        createdAt: '2026-11-25T22:00:00Z',
        notified: ['user:default/maria.garcia'],
        message: 'Notified maria.garcia (level 2).',
      }),
    });
    await render(<EntityOnCallCard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Escalate' }),
    );
    const dialog = screen.getByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Escalate' });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'OIDC login down for everyone',
    );
    await userEvent.click(within(dialog).getByLabelText('Level'));
    await userEvent.click(
      screen.getByRole('option', { name: /Level 2: Maria Garcia/ }),
    );
    await userEvent.click(submit);
    expect(
      await screen.findByText(/Escalated to level 2\. Notified maria.garcia/),
    ).toBeInTheDocument();
    expect(api.calls.find(([n]) => n === 'escalate')![1]).toEqual([
      'component:default/rag-api',
      { reason: 'OIDC login down for everyone', level: 2 },
    ]);
  });

  it('shows a refused escalation in the dialog (e.g. the rate limit)', async () => {
    const api = fakeApi({
      escalate: async () =>
        Promise.reject(
          new Error('At most 5 escalations per 10 minutes; try again in 400 s'),
        ),
    });
    await render(<EntityOnCallCard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Escalate' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'help');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Escalate' }),
    );
    expect(
      await within(dialog).findByText(/At most 5 escalations per 10 minutes/),
    ).toBeInTheDocument();
  });

  it('hides Escalate without the permission', async () => {
    const asked: string[] = [];
    await render(<EntityOnCallCard />, {
      allow: false,
      onPermission: n => asked.push(n),
    });
    await waitFor(() => expect(asked).toContain('readiness.oncall.escalate'));
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: 'Escalate' }),
    ).not.toBeInTheDocument();
  });

  it('explains the annotation when there is no on-call', async () => {
    await render(<EntityOnCallCard />, {
      api: fakeApi({
        getOnCall: async () => ({
          entityRef: 'x',
          configured: false,
          levels: [],
          links: [],
        }),
      }),
    });
    expect(screen.getByText('No on-call for this entity')).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      /readiness.io\/oncall: oncall\/my-team.yaml/,
    );
  });

  it('shows the backend error', async () => {
    await render(<EntityOnCallCard />, {
      api: fakeApi({
        getOnCall: async () =>
          Promise.reject(new Error('PagerDuty answered 401')),
      }),
    });
    expect(
      (await screen.findAllByText(/PagerDuty answered 401/)).length,
    ).toBeGreaterThan(0);
  });
});
