import { createHash } from 'node:crypto';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Track, TrackProblem } from '@readiness-io/plugin-readiness-common';
import { parseTrack } from './parseTrack';
import { readConfiguredFiles } from './configuredFiles';
import {
  CompiledTrack,
  compileTrack,
  EvaluationInput,
  trackAppliesTo,
} from '../evaluation/compiledTrack';
import { statusEvaluatorOf, StatusVector } from '../evaluation/statusEvaluator';

/** A loaded track, compiled once, and the file (or URL) it came from. */
export interface LoadedTrack extends CompiledTrack {
  source: string;
  /** The file's text as written (comments included), when it was loaded from one: the playground edits it. */
  text?: string;
  /** Statuses only, for re-evaluating many entities. */
  statuses: (input: EvaluationInput) => StatusVector;
  /** The result keys (`gateId/` and `gateId/checkId`) in the order of the status vector. */
  statusKeys: string[];
}

/** Compiles a parsed track and its status evaluator (the detailed evaluation derives from it). */
export function loadTrack(
  track: Track,
  source: string,
  text?: string,
): LoadedTrack {
  const compiled = compileTrack(track);
  return {
    ...compiled,
    source,
    ...(text !== undefined ? { text } : {}),
    statuses: statusEvaluatorOf(compiled),
    statusKeys: track.spec.gates.flatMap(g => [
      `${g.id}/`,
      ...g.checks.map(c => `${g.id}/${c.id}`),
    ]),
  };
}

/**
 * The tracks the backend evaluates, loaded and validated once at start-up. A file that cannot be read or has an
 * error is a {@link TrackProblem}: left out and reported, so the other tracks and the rest of the plugin keep
 * working (unless `readiness.trackErrors: fail`, which the caller enforces).
 */
export class TrackRegistry {
  /**
   * Loads every file under `readiness.tracks`. Local paths are relative to the directory holding
   * app-config.yaml (`rootDir`); http(s) URLs are read through the UrlReader (`backend.reading.allow`).
   * Every problem names the file and the path inside it.
   */
  static async fromConfig(options: {
    config: Config;
    reader: UrlReaderService;
    knownFactTypes: string[];
    rootDir: string;
  }): Promise<TrackRegistry> {
    const entries =
      options.config.getOptionalStringArray('readiness.tracks') ?? [];
    const tracks: LoadedTrack[] = [];
    const problems: TrackProblem[] = [];
    for (const file of await readConfiguredFiles(entries, 'readiness.tracks', {
      rootDir: options.rootDir,
      reader: options.reader,
    })) {
      if ('problem' in file) {
        problems.push(file.problem);
        continue;
      }
      try {
        tracks.push(
          loadTrack(
            parseTrack(file.text, file.source, options.knownFactTypes),
            file.source,
            file.text,
          ),
        );
      } catch (error) {
        problems.push({
          source: file.source,
          message: (error as Error).message,
        });
      }
    }
    return TrackRegistry.fromTracks(tracks, problems);
  }

  /** A registry of loaded tracks; a second track with the same id is a problem of its file, not loaded. */
  static fromTracks(
    tracks: LoadedTrack[],
    problems: TrackProblem[] = [],
  ): TrackRegistry {
    const byId = new Map<string, LoadedTrack>();
    const all = [...problems];
    for (const track of tracks) {
      const id = track.track.metadata.name;
      const other = byId.get(id);
      if (other) {
        all.push({
          source: track.source,
          message: `readiness track '${id}' is defined twice: in ${other.source} and in ${track.source}`,
        });
        continue;
      }
      byId.set(id, track);
    }
    return new TrackRegistry(byId, all);
  }

  /**
   * Names the loaded definitions and problems (a hash of them): the `version` of `GET /tracks` and the
   * `tracksVersion` of every scorecard evaluated with them, so a client joins a scorecard with the definitions it was
   * evaluated with (replicas of another release may have others).
   */
  readonly version: string;

  private constructor(
    private readonly byId: Map<string, LoadedTrack>,
    private readonly loadProblems: TrackProblem[],
  ) {
    const hash = createHash('sha256');
    for (const loaded of byId.values())
      hash.update(JSON.stringify(loaded.track));
    hash.update(JSON.stringify(loadProblems));
    this.version = hash.digest('hex').slice(0, 16);
  }

  list(): LoadedTrack[] {
    return [...this.byId.values()];
  }

  get(trackId: string): LoadedTrack | undefined {
    return this.byId.get(trackId);
  }

  /** The track files that could not be loaded, and why. */
  problems(): TrackProblem[] {
    return this.loadProblems;
  }

  /** The tracks whose `appliesTo` selects this entity. */
  forEntity(entity: Entity): LoadedTrack[] {
    return this.list().filter(t =>
      trackAppliesTo(t.track.spec.appliesTo, entity),
    );
  }

  /** The definitions alone, for the API. */
  definitions(): Track[] {
    return this.list().map(t => t.track);
  }
}
