import { fixtures } from '../../__testUtils__/render';
import {
  blockingPath,
  reducedEdges,
  shipHeadline,
  targetGate,
} from './gateGraphModel';

const { track, evaluation } = fixtures.scorecard.tracks.find(
  (t: any) => t.track.metadata.name === 'rag-production-readiness',
) as any;

describe('gate graph model', () => {
  it('leaves out the edges another path implies', () => {
    const edges = reducedEdges(track.spec.gates).map(e => `${e.from}->${e.to}`);
    // Deployment prepared lists all nine gates before it; only the four it waits for last are drawn.
    expect(
      edges.filter(e => e.endsWith('->deployment-prepared')).sort(),
    ).toEqual([
      'deployment-automation->deployment-prepared',
      'monitoring-alerting->deployment-prepared',
      'production-infrastructure->deployment-prepared',
      'security-compliance->deployment-prepared',
    ]);
    expect(edges).not.toContain('backend-verified->deployment-prepared');
    expect(edges).toContain('backend-verified->frontend-verified');
    expect(
      reducedEdges([
        { id: 'a', dependsOn: [] },
        { id: 'b', dependsOn: ['a'] },
        { id: 'c', dependsOn: ['a', 'b'] },
      ]),
    ).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ]);
  });

  it('asks about the last gate that applies unless one is selected, and highlights the path from the root cause to it', () => {
    expect(targetGate(track, evaluation)).toBe('deployment-prepared');
    expect(targetGate(track, evaluation, 'refined')).toBe('refined');
    const path = blockingPath(track, evaluation, 'deployment-prepared');
    expect(path.gates.has('backend-verified')).toBe(true);
    expect(path.gates.has('deployment-prepared')).toBe(true);
    expect(path.gates.has('production-verified')).toBe(false);
    expect(path.edges.has('backend-verified->frontend-verified')).toBe(true);
    expect(path.edges.has('refined->security-compliance')).toBe(true);
    expect(
      blockingPath(track, evaluation, 'production-verified').gates.size,
    ).toBe(0);
  });

  it('says whether it can ship, and what blocks it, in titles', () => {
    expect(
      shipHeadline(track, evaluation, 'deployment-prepared', 'RAG API'),
    ).toBe(
      "Can't ship: RAG API is blocked at Deployment prepared (sprint 7) by OIDC login works end to end, Backend API test suite passes and Backend line coverage at least 70 % (Backend verified (sprint 2)).",
    );
    expect(
      shipHeadline(track, evaluation, 'production-verified', 'RAG API'),
    ).toBe('Production verified does not apply to RAG API yet.');
  });
});
