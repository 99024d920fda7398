import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityReadinessContent } from './EntityReadinessContent';
import { historySeries } from './HistoryChart';

jest.setTimeout(20_000);

const pendingWaiver = {
  id: 'w-1',
  entityRef: 'component:default/rag-api',
  trackId: 'rag-production-readiness',
  gateId: 'backend-verified',
  checkId: 'backend-coverage',
  reason: 'Coverage tooling broken this week',
  requestedBy: 'user:default/sam.okafor',
  requestedAt: '2026-11-25T09:00:00Z',
  expiresAt: '2026-12-09T23:59:59Z',
};

describe('EntityReadinessContent', () => {
  it('draws the gates as a graph with their statuses, outlines the root cause, and lists the checks', async () => {
    await render(<EntityReadinessContent />);
    const backend = screen.getByTestId('gate-node-backend-verified');
    expect(backend).toHaveAttribute('data-status', 'failed');
    expect(backend).toHaveAttribute(
      'aria-label',
      'Backend verified (sprint 2): Failed',
    );
    expect(screen.getByTestId('gate-node-deployment-prepared')).toHaveAttribute(
      'data-status',
      'blocked',
    );
    const oidc = screen.getByTestId('check-backend-verified-oidc-login');
    expect(within(oidc).getByText('root cause')).toBeInTheDocument();
    expect(within(oidc).getByText('Fail')).toBeInTheDocument();
    expect(
      within(oidc).getByRole('link', { name: /CI run #1412/ }),
    ).toBeInTheDocument();
    // What was found, in words: the formatter's sentence, no JSON, no fact ids.
    expect(
      within(oidc).getByText(
        /^3 of 3 tests failed \(invalid_client: client authentication failed at the token endpoint\), \d+ days ago; expected all to pass\.$/,
      ),
    ).toBeInTheDocument();
    const coverage = screen.getByTestId(
      'check-backend-verified-backend-coverage',
    );
    expect(
      within(coverage).getByText(
        /^lines 38\.2 %, \d+ days ago; expected lines at least 70 %\.$/,
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'checks' });
    expect(table.textContent).not.toMatch(/[{}"]|evidence\.|[a-z]+:default\//);
    expect(screen.getByText(/^0 of 10 gates passed\./)).toBeInTheDocument();
  });

  it('answers whether it can ship above the graph, and draws the path from the root cause to the gate asked about', async () => {
    await render(<EntityReadinessContent />);
    expect(screen.getByTestId('ship-headline')).toHaveTextContent(
      "Can't ship: RAG API is blocked at Deployment prepared (sprint 7) by OIDC login works end to end, Backend API test suite passes and Backend line coverage at least 70 % (Backend verified (sprint 2)).",
    );
    // What to push next, in order.
    const steps = within(screen.getByTestId('unblock-steps'))
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(steps).toEqual([
      'OIDC login works end to end (Backend verified (sprint 2)) needs a passing result from CI',
      'Backend API test suite passes (Backend verified (sprint 2)) needs a passing result from CI',
      'Backend line coverage at least 70 % (Backend verified (sprint 2)) needs a passing result from CI',
    ]);
    const onPath = (id: string) =>
      screen.getByTestId(`gate-node-${id}`).getAttribute('data-on-path');
    expect(onPath('backend-verified')).toBe('true');
    expect(onPath('deployment-prepared')).toBe('true');
    expect(onPath('production-verified')).toBe('false');
    // No edge another path implies, and the arrows of the path drawn apart.
    expect(
      screen.queryByTestId('gate-edge-backend-verified-deployment-prepared'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByTestId('gate-edge-backend-verified-frontend-verified'),
    ).toHaveAttribute('data-on-path', 'true');
    expect(
      screen.getByTestId('gate-edge-deployment-prepared-production-verified'),
    ).toHaveAttribute('data-on-path', 'false');

    // Asking about another gate moves the question.
    await userEvent.click(screen.getByTestId('gate-node-frontend-verified'));
    expect(screen.getByTestId('ship-headline')).toHaveTextContent(
      "Can't ship: RAG API is blocked at Frontend verified (sprint 3) by",
    );
    expect(onPath('deployment-prepared')).toBe('false');
  });

  it('shows a gate scoped to an environment the system does not have as not applicable, and offers no attestation there', async () => {
    await render(<EntityReadinessContent />);
    const node = screen.getByTestId('gate-node-production-verified');
    expect(node).toHaveAttribute('data-status', 'not-applicable');
    expect(
      within(node).getByText('Not applicable · needs production'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('gate-scope-production-verified'),
    ).toHaveTextContent('production only');
    expect(
      screen.getAllByText(
        'rag-platform has no production environment recorded yet.',
      ).length,
    ).toBeGreaterThan(0);
    const smoke = screen.getByTestId(
      'check-production-verified-production-smoke-tests',
    );
    expect(within(smoke).getByText('Not applicable')).toBeInTheDocument();
    expect(
      within(smoke).queryByRole('button', { name: 'Attest' }),
    ).not.toBeInTheDocument();
  });

  it('names the environments a scoped gate applies to once one is recorded', async () => {
    const scorecard = JSON.parse(JSON.stringify(fixtures.scorecard));
    const gate = scorecard.tracks[0].evaluation.gates.find(
      (g: any) => g.gateId === 'production-verified',
    );
    Object.assign(gate, {
      status: 'blocked',
      environments: ['rag-prod-eu'],
      blockedBy: ['deployment-prepared'],
      message: undefined,
    });
    gate.checks = gate.checks.map((c: any) => ({
      ...c,
      status: 'blocked',
      underlying: 'unknown',
      message: 'Cannot measure',
    }));
    await render(<EntityReadinessContent />, {
      api: fakeApi({ getScorecard: async () => scorecard }),
    });
    expect(screen.getByTestId('gate-node-production-verified')).toHaveAttribute(
      'data-status',
      'blocked',
    );
    expect(
      within(screen.getByTestId('gate-node-production-verified')).getByText(
        'Blocked · 0 of 3 checks · production',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('gate-scope-production-verified'),
    ).toHaveTextContent('production: rag-prod-eu');
  });

  it('says which track files could not be loaded, above the tracks that did', async () => {
    const problem = {
      source: '/srv/tracks/typo.yaml',
      message:
        "Invalid readiness track /srv/tracks/typo.yaml:\n  - spec.gates[0].dependsOn[0]: unknown gate 'nope'",
    };
    await render(<EntityReadinessContent />, {
      api: fakeApi({
        getScorecard: async () => ({
          ...fixtures.scorecard,
          trackProblems: [problem],
        }),
      }),
    });
    expect(
      await screen.findByText(
        'Error: 1 readiness track could not be loaded: what they would say about this entity is unknown',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('track-problem')).toHaveTextContent(
      "unknown gate 'nope'",
    );
    expect(screen.getAllByText(/Backend verified/).length).toBeGreaterThan(0);
  });

  it('shows only the checks of a gate clicked in the graph', async () => {
    await render(<EntityReadinessContent />);
    expect(screen.getByTestId('check-refined-ux-review')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('gate-node-backend-verified'));
    expect(
      screen.getByText('Checks of Backend verified (sprint 2)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('check-refined-ux-review'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show every gate' }),
    );
    expect(screen.getByTestId('check-refined-ux-review')).toBeInTheDocument();
  });

  it('attests a manual check through a dialog and reloads the scorecard', async () => {
    const api = fakeApi({
      createAttestation: async request =>
        ({
          id: 'a-1',
          attestedBy: 'user:default/guest',
          attestedAt: '',
          validUntil: '',
          ...request,
        } as any),
    });
    await render(<EntityReadinessContent />, { api });
    await userEvent.click(
      await within(screen.getByTestId('check-refined-ux-review')).findByRole(
        'button',
        { name: 'Attest' },
      ),
    );
    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByText(/holds for 30 days|holds for \d+ days/),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Link to the evidence (optional)'),
      'not a url',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Attest' }),
    ).toBeDisabled();
    await userEvent.clear(
      within(dialog).getByLabelText('Link to the evidence (optional)'),
    );
    await userEvent.type(
      within(dialog).getByLabelText('Note'),
      'Reviewed with design',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      api.calls.find(([name]) => name === 'createAttestation')![1][0],
    ).toEqual({
      entityRef: 'component:default/rag-api',
      trackId: 'rag-production-readiness',
      gateId: 'refined',
      checkId: 'ux-review',
      note: 'Reviewed with design',
    });
    expect(api.calls.filter(([name]) => name === 'getScorecard')).toHaveLength(
      2,
    );
  });

  it('requests a waiver only with a reason of 10 characters and an expiry in range', async () => {
    const api = fakeApi({
      requestWaiver: async request =>
        ({ id: 'w-2', requestedBy: 'me', requestedAt: '', ...request } as any),
    });
    await render(<EntityReadinessContent />, { api });
    await userEvent.click(
      await within(
        screen.getByTestId('check-backend-verified-backend-coverage'),
      ).findByRole('button', { name: 'Request waiver' }),
    );
    const dialog = screen.getByRole('dialog');
    const submit = within(dialog).getByRole('button', {
      name: 'Request waiver',
    });
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'too short');
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      ' - tooling broken',
    );
    const expires = within(dialog).getByLabelText(/Expires on/);
    fireEvent.change(expires, { target: { value: '2099-01-01' } });
    expect(
      within(dialog).getByText(/At most 90 days from now/),
    ).toBeInTheDocument();
    expect(submit).toBeDisabled();
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    fireEvent.change(expires, { target: { value: inTwoWeeks } });
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      api.calls.find(([name]) => name === 'requestWaiver')![1][0],
    ).toMatchObject({
      gateId: 'backend-verified',
      checkId: 'backend-coverage',
      reason: 'too short - tooling broken',
      expiresAt: `${inTwoWeeks}T23:59:59.000Z`,
    });
  });

  it("approves somebody's waiver request, and shows the backend's refusal in the dialog", async () => {
    const api = fakeApi({
      getScorecard: async () => ({
        ...fixtures.scorecard,
        waivers: [pendingWaiver],
      }),
      approveWaiver: async () =>
        Promise.reject(new Error('You cannot approve your own waiver')),
    });
    await render(<EntityReadinessContent />, { api });
    const row = screen.getByTestId('check-backend-verified-backend-coverage');
    expect(
      within(row).getByText('waiver requested by sam.okafor'),
    ).toBeInTheDocument();
    await userEvent.click(
      await within(row).findByRole('button', { name: 'Approve waiver' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Approve',
      }),
    );
    expect(
      await within(screen.getByRole('dialog')).findByText(
        'You cannot approve your own waiver',
      ),
    ).toBeInTheDocument();
  });

  it('hides the actions the permission framework does not allow', async () => {
    const asked = new Set<string>();
    await render(<EntityReadinessContent />, {
      allow: false,
      onPermission: name => asked.add(name),
    });
    await waitFor(() => expect(asked.size).toBe(5));
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.getByTestId('check-refined-ux-review')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Attest' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request waiver' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Refresh/ }),
    ).not.toBeInTheDocument();
  });

  it('refreshes: evaluates again and reloads', async () => {
    const api = fakeApi();
    await render(<EntityReadinessContent />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: /Refresh/ }, { timeout: 5000 }),
    );
    await waitFor(() =>
      expect(
        api.calls.filter(([name]) => name === 'getScorecard'),
      ).toHaveLength(2),
    );
    expect(api.calls.map(([name]) => name)).toContain('refreshScorecard');
  });

  it('reloads on its own while open (live updates), keeping the scorecard on screen', async () => {
    const api = fakeApi();
    await render(<EntityReadinessContent pollIntervalMs={100} />, { api });
    await waitFor(
      () =>
        expect(
          api.calls.filter(([name]) => name === 'getScorecard').length,
        ).toBeGreaterThanOrEqual(3),
      { timeout: 3000 },
    );
    expect(screen.getByText(/^0 of 10 gates passed\./)).toBeInTheDocument();
  });

  it('shows empty and error states', async () => {
    await render(<EntityReadinessContent />, {
      api: fakeApi({
        getScorecard: async () => ({ ...fixtures.scorecard, tracks: [] }),
      }),
    });
    expect(
      screen.getByText('No readiness track applies to this entity'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await render(<EntityReadinessContent />, {
      api: fakeApi({
        getScorecard: async () =>
          Promise.reject(new Error('scorecard exploded')),
      }),
    });
    expect(
      (await screen.findAllByText(/scorecard exploded/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('historySeries', () => {
  it('replays transitions into the number of checks passing over time', () => {
    const t = (at: string, checkId: string, to: string) => ({
      entityRef: 'x',
      trackId: 't',
      gateId: 'g',
      checkId,
      to,
      at,
    });
    expect(
      historySeries(
        [
          t('2026-11-20T10:00:00Z', 'a', 'pass'),
          t('2026-11-20T10:00:00Z', 'b', 'fail'),
          t('2026-11-21T10:00:00Z', 'b', 'pass'),
          { ...t('2026-11-21T11:00:00Z', '', 'passed') },
          t('2026-11-22T10:00:00Z', 'a', 'fail'),
          { ...t('2026-11-22T10:00:00Z', 'c', 'pass'), trackId: 'other' },
        ],
        't',
      ),
    ).toEqual([
      { at: Date.parse('2026-11-20T10:00:00Z'), passing: 1 },
      { at: Date.parse('2026-11-21T10:00:00Z'), passing: 2 },
      { at: Date.parse('2026-11-22T10:00:00Z'), passing: 1 },
    ]);
  });

  it('counts the recorded demo history', () => {
    const series = historySeries(
      fixtures.history.items,
      'rag-production-readiness',
    );
    expect(series.length).toBeGreaterThan(0);
    expect(series.every(p => p.passing >= 0)).toBe(true);
  });
});
