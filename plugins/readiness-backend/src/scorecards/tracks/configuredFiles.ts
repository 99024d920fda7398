import fs from 'node:fs/promises';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { TrackProblem } from '@readiness-io/plugin-readiness-common';

/** One file a config list names, read; or why it could not be read. */
export type ConfiguredFile =
  | { source: string; text: string }
  | { source: string; problem: TrackProblem };

/**
 * Reads the files a config list names (`readiness.tracks`, `readiness.campaigns.files`): local paths relative to
 * `rootDir`, http(s) URLs through the UrlReader (allowed by `backend.reading.allow`). A file that cannot be read is a
 * problem naming the config entry and the file.
 */
export async function readConfiguredFiles(
  entries: string[],
  configKey: string,
  options: { rootDir: string; reader: UrlReaderService },
): Promise<ConfiguredFile[]> {
  const files: ConfiguredFile[] = [];
  for (const [index, entry] of entries.entries()) {
    const isUrl = /^https?:\/\//.test(entry);
    const source = isUrl ? entry : path.resolve(options.rootDir, entry);
    try {
      const text = isUrl
        ? (await (await options.reader.readUrl(entry)).buffer()).toString(
            'utf8',
          )
        : await fs.readFile(source, 'utf8');
      files.push({ source, text });
    } catch (error) {
      files.push({
        source,
        problem: {
          source,
          message: `${configKey}[${index}]: cannot read ${source}: ${
            (error as Error).message
          }`,
        },
      });
    }
  }
  return files;
}
