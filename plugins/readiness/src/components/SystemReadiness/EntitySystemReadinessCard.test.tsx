import { screen } from '@testing-library/react';
import { fakeApi, ragPlatform, render } from '../../__testUtils__/render';
import { EntitySystemReadinessCard } from './EntitySystemReadinessCard';

describe('EntitySystemReadinessCard', () => {
  it("says how many of the system's entities are ready, where they wait and what blocks them", async () => {
    await render(<EntitySystemReadinessCard />, {
      api: fakeApi(),
      entity: ragPlatform,
    });
    const track = await screen.findByTestId(
      'system-readiness-rag-production-readiness',
    );
    expect(track).toHaveTextContent('RAG production readiness');
    expect(track).toHaveTextContent('0 of 4 ready');
    expect(track).toHaveTextContent(
      'All wait at Backend verified (sprint 2), blocked by OIDC login works end to end, Backend API test suite passes and Backend line coverage at least 70 %.',
    );
    expect(
      screen.getByRole('link', { name: /Gate by gate/ }),
    ).toBeInTheDocument();
  });
});
