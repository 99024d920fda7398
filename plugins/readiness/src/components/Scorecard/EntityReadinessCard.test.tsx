import { screen } from '@testing-library/react';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityReadinessCard } from './EntityReadinessCard';

describe('EntityReadinessCard', () => {
  it('shows gates passed, the next gate and the root cause in one sentence, with the evidence link', async () => {
    await render(<EntityReadinessCard />);
    expect(screen.getByText('RAG production readiness')).toBeInTheDocument();
    expect(screen.getByText('0 of 10 gates passed')).toBeInTheDocument();
    const [cause, baseline] = screen.getAllByTestId('readiness-root-cause');
    expect(cause).toHaveTextContent(
      /^Blocked by Backend verified \(sprint 2\): OIDC login works end to end — failing for .+, evidence: CI run #1412(, Opens in a new window)? \(and 2 more root causes\)$/,
    );
    expect(screen.getByRole('link', { name: /CI run #1412/ })).toHaveAttribute(
      'href',
      expect.stringContaining('/pipelines/1412'),
    );
    // The service baseline: catalogued, but nobody has attested an incident drill yet.
    expect(screen.getByText('1 of 2 gates passed')).toBeInTheDocument();
    expect(baseline).toHaveTextContent(/^Blocked by Operable: /);
  });

  it('says when no track applies', async () => {
    await render(<EntityReadinessCard />, {
      api: fakeApi({
        getScorecardSummary: async () => ({
          ...fixtures.scorecardSummary,
          tracks: [],
        }),
      }),
    });
    expect(
      screen.getByText('No readiness track applies to this entity'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await render(<EntityReadinessCard />, {
      api: fakeApi({
        getScorecardSummary: async () =>
          Promise.reject(new Error('backend down')),
      }),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows progress while loading', async () => {
    await render(<EntityReadinessCard />, {
      api: fakeApi({ getScorecardSummary: () => new Promise(() => {}) }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
