import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigReader } from '@backstage/config';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The backend's working directory under `npm start`, which file locations in app-config are relative to. */
export const backendDir = resolvePackagePath('backend');

/** The repository root, two levels above the backend package. */
export const repoRoot = path.resolve(backendDir, '../..');

/**
 * The file locations listed under `catalog.locations` in an app-config file,
 * resolved to absolute paths the way the running backend resolves them. Glob targets (the environments the
 * rag-environment template provisions at run time) are left out: they are not part of the checked-in catalog.
 */
export function fileLocationsFromConfig(configFile: string): string[] {
  const config = new ConfigReader(parse(fs.readFileSync(configFile, 'utf8')));
  return (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(
      location =>
        location.getString('type') === 'file' &&
        !location.getString('target').includes('*'),
    )
    .map(location => path.resolve(backendDir, location.getString('target')));
}
