import {
  EntityScorecard,
  TrackEvaluation,
} from '@readiness-io/plugin-readiness-common';

/** A scorecard as a view stores it: without the track definitions (they are the loaded ones, named by id). */
export type StoredScorecard = Omit<
  EntityScorecard,
  'tracks' | 'trackProblems'
> & {
  evaluations: TrackEvaluation[];
};

/** Which form {@link storedScorecardText} writes; part of a view's key, so a view of another form is not served. */
export const STORED_SCORECARD_FORMAT = 'lines-1';

/**
 * A stored scorecard as text: everything but the evaluations as JSON on the first line, then per track its id, a
 * tab and its evaluation as JSON. JSON never holds a raw line break or tab outside a string, and a track id holds
 * neither, so lines and tabs split the text without parsing it — which lets {@link composeScorecardJson} answer a
 * read without parsing the evaluations and serializing them again.
 */
export function storedScorecardText(scorecard: StoredScorecard): string {
  const { evaluations, ...head } = scorecard;
  return [
    JSON.stringify(head),
    ...evaluations.map(e => `${e.trackId}\t${JSON.stringify(e)}`),
  ].join('\n');
}

/** The lines of a stored scorecard's text: its head and each track's id and evaluation, unparsed. */
function linesOf(text: string) {
  const [head, ...rest] = text.split('\n');
  return {
    head,
    tracks: rest.map(line => {
      const tab = line.indexOf('\t');
      return { trackId: line.slice(0, tab), json: line.slice(tab + 1) };
    }),
  };
}

/** The stored scorecard {@link storedScorecardText} wrote. */
export function parseStoredScorecard(text: string): StoredScorecard {
  const { head, tracks } = linesOf(text);
  return {
    ...JSON.parse(head),
    evaluations: tracks.map(t => JSON.parse(t.json)),
  };
}

/**
 * The JSON of `GET /scorecards/...` (an {@link EntityScorecard} with `trackProblems`) from a stored scorecard's text,
 * the JSON of each track definition and of the track problems — the same value `JSON.stringify` of the parsed
 * scorecard with its definitions gives, composed without parsing anything. Undefined when a track is not known.
 */
export function composeScorecardJson(
  text: string,
  trackJson: (trackId: string) => string | undefined,
  trackProblemsJson: string,
): string | undefined {
  const { head, tracks } = linesOf(text);
  const parts: string[] = [];
  for (const { trackId, json } of tracks) {
    const definition = trackJson(trackId);
    if (definition === undefined) return undefined;
    parts.push(`{"track":${definition},"evaluation":${json}}`);
  }
  // The head is an object with at least the entity ref: its members, then the tracks and the problems.
  return `${head.slice(0, -1)},"tracks":[${parts.join(
    ',',
  )}],"trackProblems":${trackProblemsJson}}`;
}
