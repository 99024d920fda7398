import { systemMatrix } from './systemMatrix';

const track = {
  trackId: 't',
  title: 'T',
  gates: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(id => ({
    id,
    title: `Gate ${id.toUpperCase()}`,
    status: 'blocked' as const,
  })),
};
const entity = (name: string, statuses: string[], passed = 0) => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  title: name,
  tracks: [
    {
      trackId: 't',
      gatesPassed: passed,
      gatesTotal: 7,
      gates: Object.fromEntries(track.gates.map((g, i) => [g.id, statuses[i]])),
      blockers: [],
    },
  ],
});
const seed = [
  'failed',
  'blocked',
  'blocked',
  'blocked',
  'blocked',
  'blocked',
  'not-applicable',
];

describe('systemMatrix', () => {
  it('puts entities at the same point in one row and collapses a run of identical gates, keeping the last ones', () => {
    const { rows, columns } = systemMatrix(
      track as any,
      [entity('web', seed), entity('api', seed)] as any,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].entities.map(e => e.title)).toEqual(['web', 'api']);
    // a | b c d e (one column) | f | g: the last two gates keep their own columns.
    expect(columns.map(c => c.gates.map(g => g.id).join(''))).toEqual([
      'a',
      'bcde',
      'f',
      'g',
    ]);
  });

  it('keeps gates apart where any row differs, and puts the weakest row first', () => {
    const ahead = [
      'passed',
      'passed',
      'failed',
      'blocked',
      'blocked',
      'blocked',
      'not-applicable',
    ];
    const { rows, columns } = systemMatrix(
      track as any,
      [entity('ahead', ahead, 2), entity('behind', seed)] as any,
    );
    expect(rows.map(r => r.entities[0].title)).toEqual(['behind', 'ahead']);
    expect(columns.map(c => c.gates.map(g => g.id).join(''))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ]);
    expect(
      systemMatrix(track as any, [entity('x', seed)] as any, {
        collapse: false,
      }).columns,
    ).toHaveLength(7);
  });
});
