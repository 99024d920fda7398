import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { ReadinessPage } from './ReadinessPage';

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
    const total = fixtures.overview.items.length;
    const notReady = fixtures.overview.items.filter(
      (r: any) => r.status !== 'passed',
    ).length;
    expect(
      screen.getByText(`${notReady} of ${total} not ready`),
    ).toBeInTheDocument();
    const causes = screen.getAllByTestId('top-root-cause');
    expect(causes[0]).toHaveTextContent(
      /Backend verified \(sprint 2\): OIDC login works end to end\s*4/,
    );
    expect(
      screen.getAllByRole('link', { name: 'RAG API' }).length,
    ).toBeGreaterThan(0);
  });

  it('filters by track and status', async () => {
    await render(<ReadinessPage />);
    await choose('trackId', /Service baseline/);
    const baseline = fixtures.overview.items.filter(
      (r: any) => r.trackId === 'service-baseline',
    );
    expect(
      screen.getByText(
        `${baseline.filter((r: any) => r.status !== 'passed').length} of ${
          baseline.length
        } not ready`,
      ),
    ).toBeInTheDocument();
    await choose('status', /^passed$/);
    expect(
      screen.getByText(
        `0 of ${
          baseline.filter((r: any) => r.status === 'passed').length
        } not ready`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nothing blocks the entities shown.'),
    ).toBeInTheDocument();
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
});
