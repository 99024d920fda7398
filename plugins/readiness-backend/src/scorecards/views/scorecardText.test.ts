import { TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import {
  composeScorecardJson,
  parseStoredScorecard,
  StoredScorecard,
  storedScorecardText,
} from './scorecardText';

const evaluation = (trackId: string, message: string): TrackEvaluation => ({
  trackId,
  entityRef: 'component:default/rag-api',
  evaluatedAt: '2026-12-03T06:00:00.000Z',
  gates: [
    {
      gateId: 'backend-verified',
      status: 'failed',
      checks: [{ checkId: 'oidc-login', status: 'fail', message }],
      blockedBy: [],
      rootCauses: [
        {
          gateId: 'backend-verified',
          checkId: 'oidc-login',
          status: 'fail',
          message,
        },
      ],
    },
  ],
  summary: { gatesPassed: 0, gatesTotal: 1, blockers: [] },
});

// Strings with everything that could split the text if it were written raw: line breaks, tabs, quotes, NUL.
const awkward =
  'OIDC login fails:\n\t"invalid_grant" \\ redirect\r\nmismatch \u0000 \u2028 ✓';
const stored: StoredScorecard = {
  entityRef: 'component:default/rag-api',
  title: 'RAG\tAPI\n"core"',
  evaluatedAt: '2026-12-03T06:00:00.000Z',
  historyChangedAt: '2026-12-02T06:00:00.000Z',
  evaluations: [
    evaluation('rag-production-readiness', awkward),
    evaluation('service-baseline', 'Coverage 81 %'),
  ],
  attestations: [],
  waivers: [],
};
const definitions: Record<string, unknown> = {
  'rag-production-readiness': {
    metadata: { name: 'rag-production-readiness', description: awkward },
  },
  'service-baseline': { metadata: { name: 'service-baseline' } },
};
const trackJson = (id: string) =>
  definitions[id] === undefined ? undefined : JSON.stringify(definitions[id]);
const problems = [{ file: 'broken.yaml', message: 'line 3:\tbad' }];

describe('stored scorecard text', () => {
  it('is read back as written, whatever the strings hold', () => {
    const text = storedScorecardText(stored);
    expect(text.split('\n')).toHaveLength(3);
    expect(parseStoredScorecard(text)).toEqual(stored);
  });

  it('composes the answer of a read: once parsed, the scorecard with its definitions and problems', () => {
    const json = composeScorecardJson(
      storedScorecardText(stored),
      trackJson,
      JSON.stringify(problems),
    );
    const { evaluations, ...head } = stored;
    expect(JSON.parse(json!)).toEqual({
      ...head,
      tracks: evaluations.map(e => ({
        track: definitions[e.trackId],
        evaluation: e,
      })),
      trackProblems: problems,
    });
  });

  it('composes a scorecard without tracks, and none with a track that is not loaded', () => {
    const none = { ...stored, evaluations: [] };
    expect(
      JSON.parse(
        composeScorecardJson(storedScorecardText(none), trackJson, '[]')!,
      ),
    ).toEqual({
      entityRef: stored.entityRef,
      title: stored.title,
      evaluatedAt: stored.evaluatedAt,
      historyChangedAt: stored.historyChangedAt,
      attestations: [],
      waivers: [],
      tracks: [],
      trackProblems: [],
    });
    expect(
      composeScorecardJson(
        storedScorecardText({
          ...stored,
          evaluations: [evaluation('gone', 'x')],
        }),
        trackJson,
        '[]',
      ),
    ).toBeUndefined();
  });
});
