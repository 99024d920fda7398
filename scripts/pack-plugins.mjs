#!/usr/bin/env node
// Builds every Readiness plugin package and packs it as an npm tarball, the way it would be published:
//
//   node scripts/pack-plugins.mjs [out-dir]        # default: dist-packs/
//
// Declarations come from the repository's `tsc` (dist-types/, run first here); each package is built with
// `backstage-cli package build` and packed with `npm pack`, whose prepack/postpack (Backstage's) swap in the
// publishConfig entry points. Prints one line per tarball.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist-packs'));

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run('npm', ['run', '--silent', 'tsc:clean'], root);
  const plugins = readdirSync(join(root, 'plugins'))
    .map(dir => join(root, 'plugins', dir))
    .map(dir => ({
      dir,
      pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private);
  for (const { dir, pkg } of plugins) {
    run('npx', ['backstage-cli', 'package', 'build'], dir);
    const packed = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', out], dir),
    );
    const { filename, size, entryCount } = packed[0];
    process.stdout.write(
      `${pkg.name}@${pkg.version}: ${join(
        out,
        filename,
      )} (${entryCount} files, ${Math.round(size / 1024)} KiB)\n`,
    );
  }
}

main().catch(error => {
  process.stderr.write(`pack-plugins: ${error.message}\n`);
  process.exitCode = 1;
});
