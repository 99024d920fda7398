import path from 'node:path';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  TrackPreview,
  TrackPreviewRequest,
} from '@readiness-io/plugin-readiness-common';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { trackAppliesTo } from '../scorecards/evaluation/compiledTrack';
import { EvaluationInputs } from '../scorecards/evaluation/EvaluationInputs';
import {
  parseTrack,
  TrackValidationError,
} from '../scorecards/tracks/parseTrack';
import {
  LoadedTrack,
  loadTrack,
  TrackRegistry,
} from '../scorecards/tracks/TrackRegistry';
import { diffTracks, PreviewSubject } from './diffTracks';
import { locateProblems } from './locateProblems';

const DEFAULT_ENTITY_LIMIT = 500;

type Parsed =
  | { ok: true; track: LoadedTrack }
  | { ok: false; problems: TrackPreview['problems'] };

/**
 * Track preview: what a proposed track would do to every entity it (or the track it replaces) applies to, from the
 * stored facts, attestations and waivers, without storing anything.
 */
export class TrackPreviewService {
  static create(deps: {
    catalog: EntityCatalog;
    tracks: TrackRegistry;
    inputs: EvaluationInputs;
    knownFactTypes: string[];
  }) {
    return new TrackPreviewService(deps);
  }

  private constructor(
    private readonly deps: Parameters<typeof TrackPreviewService.create>[0],
  ) {}

  /** Parses a track's text as the start-up check does; its problems located at their lines. */
  private parse(text: string, source: string): Parsed {
    try {
      return {
        ok: true,
        track: loadTrack(
          parseTrack(text, source, this.deps.knownFactTypes),
          source,
        ),
      };
    } catch (error) {
      if (!(error instanceof TrackValidationError)) throw error;
      const prefix = `${source}: `;
      return {
        ok: false,
        problems: locateProblems(
          text,
          source,
          error.problems.map(p =>
            p.startsWith(prefix) ? p.slice(prefix.length) : p,
          ),
        ),
      };
    }
  }

  /** A loaded track's file as written, for the playground; 404 for an unknown track or one built in code. */
  getSource(trackId: string): { trackId: string; file: string; text: string } {
    const track = this.deps.tracks.get(trackId);
    if (!track) throw new NotFoundError(`No track '${trackId}'`);
    if (track.text === undefined) {
      throw new NotFoundError(`Track '${trackId}' was not loaded from a file`);
    }
    return {
      trackId,
      file: /^https?:\/\//.test(track.source)
        ? track.source
        : path.basename(track.source),
      text: track.text,
    };
  }

  /** The preview over the entities the caller may see in the catalog. */
  async preview(
    request: TrackPreviewRequest,
    credentials: BackstageCredentials,
  ): Promise<TrackPreview> {
    const source = request.source || 'proposed track';
    const proposed = this.parse(request.track, source);
    if (!proposed.ok) {
      return this.invalid(source, proposed.problems, request.track);
    }
    let before: LoadedTrack | undefined;
    let comparedWith: TrackPreview['comparedWith'] = 'none';
    if (request.current !== undefined) {
      const current = this.parse(request.current, 'current track');
      if (!current.ok) {
        // The proposal is fine; what it is compared with is not. Said as a problem of `current`.
        return this.invalid(source, current.problems, request.track);
      }
      before = current.track;
      comparedWith = 'given';
    } else {
      before = this.deps.tracks.get(proposed.track.track.metadata.name);
      if (before) comparedWith = 'loaded';
    }
    const entities = await this.deps.catalog.queryEntities(
      undefined,
      credentials,
    );
    return this.compare(
      { before, after: proposed.track, comparedWith, source },
      entities,
      credentials,
      request.entityLimit ?? DEFAULT_ENTITY_LIMIT,
    );
  }

  /** Compares two loaded tracks over the given entities (the preview after parsing; benchmarks call it directly). */
  async compare(
    tracks: {
      before?: LoadedTrack;
      after: LoadedTrack;
      comparedWith: TrackPreview['comparedWith'];
      source: string;
    },
    entities: Entity[],
    credentials: BackstageCredentials,
    entityLimit: number = DEFAULT_ENTITY_LIMIT,
  ): Promise<TrackPreview> {
    const { before, after } = tracks;
    const applies = (track: LoadedTrack | undefined, entity: Entity) =>
      !!track && trackAppliesTo(track.track.spec.appliesTo, entity);
    const planned = await this.deps.inputs.gather(entities, credentials, e =>
      [before, after].filter((t): t is LoadedTrack => applies(t, e)),
    );
    const subjects = new Map<string, PreviewSubject>();
    const byRef = new Map(entities.map(e => [entityRefKey(e), e]));
    for (const { track, input } of planned) {
      let subject = subjects.get(input.entityRef);
      if (!subject) {
        subject = {
          entity: byRef.get(input.entityRef)!,
          entityRef: input.entityRef,
        };
        subjects.set(input.entityRef, subject);
      }
      if (track === before) subject.before = input;
      if (track === after) subject.after = input;
    }
    return {
      trackId: after.track.metadata.name,
      title: after.track.metadata.title ?? after.track.metadata.name,
      source: tracks.source,
      valid: true,
      problems: [],
      comparedWith: tracks.comparedWith,
      ...diffTracks({
        before,
        after,
        subjects: [...subjects.values()],
        entityLimit,
      }),
    };
  }

  /** The answer for a track with errors: the errors, and the track's id and title when they can be read. */
  private invalid(
    source: string,
    problems: TrackPreview['problems'],
    text: string,
  ): TrackPreview {
    const empty = { total: 0, byOwner: [] };
    let trackId = '';
    let title = '';
    try {
      const metadata = parseDocument(text).toJSON()?.metadata;
      if (typeof metadata?.name === 'string') trackId = metadata.name;
      title = typeof metadata?.title === 'string' ? metadata.title : trackId;
    } catch {
      // Not even YAML: no id or title to say.
    }
    return {
      trackId,
      title,
      source,
      valid: false,
      problems,
      comparedWith: 'none',
      entitiesEvaluated: 0,
      kinds: [],
      entitiesChanged: 0,
      entitiesNewlyFailing: 0,
      readiness: { newlyReady: empty, newlyNotReady: empty },
      gates: [],
      checks: [],
      entities: [],
    };
  }
}
