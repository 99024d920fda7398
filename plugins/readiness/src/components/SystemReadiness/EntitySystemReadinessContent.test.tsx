import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeApi,
  fixtures,
  ragPlatform,
  render,
} from '../../__testUtils__/render';
import { EntitySystemReadinessContent } from './EntitySystemReadinessContent';

describe('EntitySystemReadinessContent', () => {
  it('shows entities at the same point in one row, gates in the same state in one column (the last ones always), and what blocks the track by check title', async () => {
    const api = fakeApi();
    await render(<EntitySystemReadinessContent />, {
      api,
      entity: ragPlatform,
    });
    expect(
      api.calls.find(([name]) => name === 'getSystemReadiness')![1],
    ).toEqual(['system:default/rag-platform']);
    // The demo: all four components fail at Backend verified, everything after it is blocked.
    const rows = screen.getAllByTestId(/^system-row-/);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    for (const title of [
      'RAG API',
      'RAG Web',
      'RAG Retriever',
      'RAG Ingestion',
    ])
      expect(
        within(row).getByRole('link', { name: title }),
      ).toBeInTheDocument();
    expect(within(row).getByText('0 of 10')).toBeInTheDocument();
    expect(
      screen.getByText(
        'All 4 entities are at the same point: 0 of 10 gates passed.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/weakest/i)).not.toBeInTheDocument();
    expect(
      within(row).getByTitle('Backend verified (sprint 2): Failed'),
    ).toBeInTheDocument();
    // The blocked run between them is one column; the last two gates keep theirs.
    expect(
      screen.getByText(
        '8 gates: Frontend verified (sprint 3) … Security and compliance',
      ),
    ).toBeInTheDocument();
    expect(
      within(row).getByTitle('Deployment prepared (sprint 7): Blocked'),
    ).toBeInTheDocument();
    expect(
      within(row).getByTitle('Production verified: Not applicable'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show every gate' }),
    );
    expect(screen.getAllByTestId(/^system-column-/)).toHaveLength(11);

    // Root causes of this track, by title, with the entities they block.
    expect(
      screen.getByText('What blocks RAG production readiness'),
    ).toBeInTheDocument();
    const oidc = screen.getByTestId('system-cause-oidc-login');
    expect(
      within(oidc).getByText('OIDC login works end to end'),
    ).toBeInTheDocument();
    expect(
      within(oidc).getByText(
        'blocks RAG API, RAG Ingestion, RAG Retriever and RAG Web',
      ),
    ).toBeInTheDocument();
    const causes = screen.getByRole('table', { name: 'root causes' });
    expect(causes.textContent).not.toMatch(/[{}"]|evidence\.|[a-z]+:default\//);
  });

  it('lists the environments recorded with readiness, decommissioned ones too', async () => {
    const gone = {
      ...fixtures.environments.items[0],
      entityRef: 'resource:default/rag-old',
      status: 'decommissioned',
      decommissionedBy: 'user:default/maria.garcia',
      decommissionedAt: '2026-11-26T09:00:00Z',
    };
    const api = fakeApi({
      listEnvironments: async () => [...fixtures.environments.items, gone],
    });
    await render(<EntitySystemReadinessContent />, {
      api,
      entity: ragPlatform,
    });
    expect(
      await screen.findByText('Environments recorded with readiness'),
    ).toBeInTheDocument();
    expect(api.calls.find(([name]) => name === 'listEnvironments')![1]).toEqual(
      [{ system: 'system:default/rag-platform', includeDecommissioned: true }],
    );
    const staging = screen.getByTestId(
      'environment-resource:default/rag-staging',
    );
    expect(within(staging).getByText('staging')).toBeInTheDocument();
    expect(within(staging).getByText('Active')).toBeInTheDocument();
    expect(
      within(staging).getByRole('link', { name: 'rag-staging' }),
    ).toHaveAttribute('href', '/catalog/default/resource/rag-staging');
    expect(
      within(staging).getByText(/by readiness-demo-seed/),
    ).toBeInTheDocument();
    const old = screen.getByTestId('environment-resource:default/rag-old');
    expect(within(old).getByText('Decommissioned')).toBeInTheDocument();
    expect(within(old).getByText(/by maria.garcia$/)).toBeInTheDocument();
  });

  it('says when no environment is recorded', async () => {
    await render(<EntitySystemReadinessContent />, {
      api: fakeApi({ listEnvironments: async () => [] }),
      entity: ragPlatform,
    });
    expect(
      await screen.findByText(/No environment of this system is recorded yet/),
    ).toBeInTheDocument();
  });

  it('sorts by the share of gates passed', async () => {
    const system = JSON.parse(JSON.stringify(fixtures.system));
    const api1 = system.entities.find(
      (e: any) => e.entityRef === 'component:default/rag-api',
    );
    api1.tracks[0].gatesPassed = 3;
    await render(<EntitySystemReadinessContent />, {
      api: fakeApi({ getSystemReadiness: async () => system }),
      entity: ragPlatform,
    });
    const rows = screen
      .getAllByTestId(/^system-row-/)
      .map(r => r.getAttribute('data-testid'));
    expect(rows).toHaveLength(2);
    expect(rows[rows.length - 1]).toBe('system-row-component:default/rag-api');
    expect(screen.getByText(/^Furthest from ready first/)).toBeInTheDocument();
  });

  it('shows empty and error states', async () => {
    const empty = await render(<EntitySystemReadinessContent />, {
      api: fakeApi({
        getSystemReadiness: async () => ({ ...fixtures.system, entities: [] }),
      }),
      entity: ragPlatform,
    });
    expect(
      screen.getByText(
        "No readiness track applies to this system's components",
      ),
    ).toBeInTheDocument();
    empty.unmount();
    await render(<EntitySystemReadinessContent />, {
      api: fakeApi({
        getSystemReadiness: async () =>
          Promise.reject(new Error('no such system')),
      }),
      entity: ragPlatform,
    });
    expect(
      (await screen.findAllByText(/no such system/)).length,
    ).toBeGreaterThan(0);
  });
});
