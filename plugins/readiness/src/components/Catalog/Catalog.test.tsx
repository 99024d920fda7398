import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityListContext,
  EntityListContextProps,
} from '@backstage/plugin-catalog-react';
import {
  fakeApi,
  fixtures,
  ragApi,
  ragPlatform,
  render,
} from '../../__testUtils__/render';
import { EntityReadinessChip } from './EntityReadinessColumn';
import {
  EntityReadinessFilter,
  EntityReadinessPicker,
} from './EntityReadinessPicker';
import { summarize } from './readinessIndex';

const tracks = fixtures.scorecard.tracks.map((t: any) => t.track);

describe('readiness in the catalog list', () => {
  it('sums an entity up across its tracks: ready, or the next gate of the track furthest behind', () => {
    const index = summarize(fixtures.overview.items, tracks);
    expect(index.get('component:default/rag-api')).toEqual({
      status: 'not-ready',
      label: 'Backend verified (sprint 2)',
      description:
        'Not ready: the next gate, “Backend verified (sprint 2)” of RAG production readiness, fails; 3 checks hold it back.',
      gateStatus: 'failed',
    });
    expect(
      summarize(
        [
          {
            ...fixtures.overview.items[0],
            status: 'passed',
            nextGate: undefined,
          },
        ],
        tracks,
      ).get(fixtures.overview.items[0].entityRef),
    ).toMatchObject({ status: 'ready', label: 'Ready' });
    expect(
      summarize(
        [{ ...fixtures.overview.items[0], status: 'not-evaluated' }],
        tracks,
      ).get(fixtures.overview.items[0].entityRef)?.status,
    ).toBe('not-measured');
  });

  it('shows the next gate in the column, coloured, and nothing for an entity no track applies to', async () => {
    const api = fakeApi();
    await render(<EntityReadinessChip entity={ragApi} />, { api });
    expect(
      await screen.findByText('Backend verified (sprint 2)'),
    ).toBeInTheDocument();
    await render(<EntityReadinessChip entity={ragPlatform} />, { api });
    expect(screen.getAllByTestId('catalog-readiness')).toHaveLength(1);
  });

  it('filters the list by readiness, the choice kept as a query value', async () => {
    const updateFilters = jest.fn();
    await render(
      <EntityListContext.Provider
        value={
          {
            updateFilters,
            queryParameters: {},
            filters: {},
          } as unknown as EntityListContextProps
        }
      >
        <EntityReadinessPicker />
      </EntityListContext.Provider>,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Not ready' }));
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        readiness: expect.any(EntityReadinessFilter),
      }),
    );
    const filter: EntityReadinessFilter =
      updateFilters.mock.calls[updateFilters.mock.calls.length - 1][0]
        .readiness;
    expect(filter.toQueryValue()).toEqual(['not-ready']);
    expect(filter.filterEntity(ragApi)).toBe(true);
    expect(filter.filterEntity(ragPlatform)).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Not ready' }));
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({ readiness: undefined }),
    );
  });
});
