import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { ReadinessPage } from './ReadinessPage';
import source from '../../__fixtures__/track-source-rag.json';
import coverage80 from '../../__fixtures__/preview-coverage-80.json';

jest.setTimeout(20_000);

async function choose(filter: string, option: RegExp) {
  await userEvent.click(
    within(screen.getByTestId(`filter-${filter}`)).getByRole('button'),
  );
  await userEvent.click(screen.getByRole('option', { name: option }));
}

describe('ReadinessPage', () => {
  it('lists every entity by track, how many are not ready and the top root causes', async () => {
    await render(<ReadinessPage />);
    // Entities counted once, not entity × track rows: four services, each not ready on the RAG track.
    expect(fixtures.overview.total).toBe(8);
    expect(screen.getByText('4 of 4 entities not ready')).toBeInTheDocument();
    // And per team, sortable.
    const team = screen.getByText('By team').closest('div[class*="MuiPaper"]')!;
    expect(
      within(team as HTMLElement).getByRole('link', {
        name: /rag-team|RAG Team/,
      }),
    ).toBeInTheDocument();
    // The server's top root causes, as it ranks them.
    const causes = screen.getAllByTestId('top-root-cause');
    expect(causes).toHaveLength(5);
    expect(causes.map(c => c.textContent)).toContain(
      'Backend verified (sprint 2): OIDC login works end to end4',
    );
    expect(
      screen.getAllByRole('link', { name: 'RAG API' }).length,
    ).toBeGreaterThan(0);
  });

  it('asks the server for the filtered overview and shows its counts', async () => {
    const api = fakeApi();
    await render(<ReadinessPage />, { api });
    await choose('trackId', /Service baseline/);
    const baseline = fixtures.overviews['trackId=service-baseline'];
    expect(
      await screen.findByText(
        `${baseline.entities.notReady} of ${baseline.entities.total} entities not ready`,
      ),
    ).toBeInTheDocument();
    await choose('status', /^passed$/);
    const passed = fixtures.overviews['trackId=service-baseline&status=passed'];
    expect(
      await screen.findByText(
        `0 of ${passed.entities.total} entities not ready`,
      ),
    ).toBeInTheDocument();
    expect(
      api.calls.filter(([name]) => name === 'getOverview').map(([, a]) => a),
    ).toEqual([
      [{}],
      [{ trackId: 'service-baseline' }],
      [{ trackId: 'service-baseline', status: 'passed' }],
    ]);
    expect(
      screen.getByText('Nothing blocks the entities shown.'),
    ).toBeInTheDocument();
  });

  it('has the Track playground as a second tab, loaded when opened', async () => {
    const api = fakeApi({
      getTrackSource: async () => source as any,
      previewTrack: async () => coverage80 as any,
    });
    await render(<ReadinessPage />, { api });
    expect(api.calls.map(([name]) => name)).not.toContain('getTrackSource');
    await userEvent.click(
      screen.getByRole('tab', { name: 'Track playground' }),
    );
    expect(
      await screen.findByTestId('preview-headline', {}, { timeout: 10_000 }),
    ).toHaveTextContent(/changes the statuses of 4 services of 4/);
    expect(api.calls.map(([name]) => name)).toContain('getTrackSource');
  });

  it('shows the backend error', async () => {
    await render(<ReadinessPage />, {
      api: fakeApi({
        getOverview: async () => Promise.reject(new Error('overview failed')),
      }),
    });
    expect(
      (await screen.findAllByText(/overview failed/)).length,
    ).toBeGreaterThan(0);
  });

  it('says which track files could not be loaded, and never that nothing blocks because of them', async () => {
    const problem = {
      source: '/srv/tracks/typo.yaml',
      message:
        "Invalid readiness track /srv/tracks/typo.yaml:\n  - spec.gates[0].dependsOn[0]: unknown gate 'nope'",
    };
    await render(<ReadinessPage />, {
      api: fakeApi({
        getOverview: async () => ({
          ...fixtures.overviews['trackId=service-baseline&status=passed'],
          trackProblems: [problem],
        }),
      }),
    });
    expect(
      await screen.findByText(
        'Error: 1 track could not be loaded: their readiness is not shown',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('track-problem')).toHaveTextContent(
      "spec.gates[0].dependsOn[0]: unknown gate 'nope'",
    );
    expect(
      screen.queryByText('Nothing blocks the entities shown.'),
    ).not.toBeInTheDocument();
  });
});
