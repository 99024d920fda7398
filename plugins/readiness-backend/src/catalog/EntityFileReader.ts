import fs from 'node:fs/promises';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';

/** Runbooks, rules and on-call files are small; anything bigger is a mistake. */
const MAX_BYTES = 1024 * 1024;

/** Where an annotation's path points to, resolved against the entity's source location. */
export type ResolvedTarget = { type: 'url' | 'file'; location: string };

/**
 * Reads the files an entity's annotations point to (`readiness.io/runbooks`, `readiness.io/oncall`,
 * `readiness.io/prometheus-rules`): absolute http(s) URLs, or paths relative to where the entity is defined.
 *
 * - URLs go through the UrlReader, so `backend.reading.allow` and the integrations' credentials apply.
 * - Entities registered from a local file (`file:` locations, as in the demo catalog) resolve to local files;
 *   those are read only inside `localRoots` (the repository by default), so an annotation cannot read /etc.
 */
export class EntityFileReader {
  constructor(
    private readonly options: {
      reader: UrlReaderService;
      localRoots: string[];
    },
  ) {}

  resolve(entity: Entity, target: string): ResolvedTarget {
    const trimmed = target.trim();
    if (/^https?:\/\//i.test(trimmed))
      return { type: 'url', location: trimmed };
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
      throw new InputError(
        `'${trimmed}' is neither a relative path nor an http(s) URL`,
      );
    }
    let source: { type: string; target: string };
    try {
      source = getEntitySourceLocation(entity);
    } catch {
      throw new InputError(
        `'${trimmed}' is relative, but the entity has no source location to resolve it against`,
      );
    }
    if (source.type === 'file') {
      const base = source.target.replace(/^file:/, '');
      return {
        type: 'file',
        location: path.resolve(path.dirname(base), trimmed),
      };
    }
    if (source.type === 'url')
      return {
        type: 'url',
        location: new URL(trimmed, source.target).toString(),
      };
    throw new InputError(
      `'${trimmed}' is relative to a ${source.type} location, which cannot be read`,
    );
  }

  /** The text at the target; errors say why it cannot be read (not allowed, not found, too big). */
  async read(
    entity: Entity,
    target: string,
  ): Promise<{ location: string; text: string }> {
    return this.readResolved(this.resolve(entity, target));
  }

  /** How a resolved target is shown and reported: the URL, or `file:` and the absolute path. */
  static locationOf(resolved: ResolvedTarget): string {
    return resolved.type === 'file'
      ? `file:${resolved.location}`
      : resolved.location;
  }

  /** Reads a target {@link EntityFileReader.resolve} returned. */
  async readResolved(
    resolved: ResolvedTarget,
  ): Promise<{ location: string; text: string }> {
    if (resolved.type === 'url') {
      const response = await this.options.reader.readUrl(resolved.location);
      const buffer = await response.buffer();
      if (buffer.length > MAX_BYTES)
        throw new InputError(`${resolved.location} is larger than 1 MiB`);
      return { location: resolved.location, text: buffer.toString('utf8') };
    }
    const file = resolved.location;
    const allowed = this.options.localRoots.some(root => {
      const relative = path.relative(path.resolve(root), file);
      return (
        relative !== '' &&
        !relative.startsWith('..') &&
        !path.isAbsolute(relative)
      );
    });
    if (!allowed) {
      throw new NotAllowedError(
        `${file} is outside the directories local files may be read from (readiness.localRoots)`,
      );
    }
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new InputError(`${file} is not a file`);
    if (stat.size > MAX_BYTES)
      throw new InputError(`${file} is larger than 1 MiB`);
    return {
      location: EntityFileReader.locationOf(resolved),
      text: await fs.readFile(file, 'utf8'),
    };
  }
}

/** An annotation listing several targets, separated by commas or new lines. */
export function splitTargets(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(Boolean);
}

/** A read error in one short sentence for people (the UrlReader's errors carry long causes). */
export function describeReadError(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string };
  if (e.code === 'ENOENT' || e.name === 'NotFoundError')
    return `not found: ${firstLine(e.message)}`;
  if (e.name === 'NotAllowedError')
    return `not allowed: ${firstLine(e.message)}`;
  return firstLine(e.message) || String(error);
}

function firstLine(message: string | undefined) {
  return (message ?? '').split('\n')[0];
}
