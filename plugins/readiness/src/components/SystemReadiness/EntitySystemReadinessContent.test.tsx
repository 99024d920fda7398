import { screen, within } from '@testing-library/react';
import {
  fakeApi,
  fixtures,
  ragPlatform,
  render,
} from '../../__testUtils__/render';
import { EntitySystemReadinessContent } from './EntitySystemReadinessContent';

describe('EntitySystemReadinessContent', () => {
  it('shows the component × gate matrix, weakest link first, with links to each entity', async () => {
    const api = fakeApi();
    await render(<EntitySystemReadinessContent />, {
      api,
      entity: ragPlatform,
    });
    expect(
      api.calls.find(([name]) => name === 'getSystemReadiness')![1],
    ).toEqual(['system:default/rag-platform']);
    const rows = screen.getAllByTestId(/^system-row-/);
    expect(rows).toHaveLength(4);
    const weakest = screen.getByTestId(
      `system-row-${fixtures.system.weakestLink}`,
    );
    expect(within(weakest).getByText('0 / 10')).toBeInTheDocument();
    const api1 = screen.getByTestId('system-row-component:default/rag-api');
    expect(within(api1).getByRole('link', { name: 'RAG API' })).toHaveAttribute(
      'href',
      '/catalog/default/component/rag-api',
    );
    expect(
      within(api1).getByTitle('Backend verified (sprint 2): Failed'),
    ).toBeInTheDocument();
    expect(
      within(api1).getByTitle('Deployment prepared (sprint 7): Blocked'),
    ).toBeInTheDocument();
    // Every component has passed as few gates as the others: the first by name is named.
    expect(
      screen.getByText(/Weakest link first; the weakest is RAG API/),
    ).toBeInTheDocument();
    // Production is scoped to an environment the system does not have yet.
    expect(
      within(api1).getByTitle('Production verified: Not applicable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Root causes across the system'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('blocks 4').length).toBeGreaterThan(0);
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
    expect(rows[rows.length - 1]).toBe('system-row-component:default/rag-api');
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
