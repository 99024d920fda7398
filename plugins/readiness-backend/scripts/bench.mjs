#!/usr/bin/env node
// Bundles a benchmark (bench/<name>.ts) with esbuild and runs it with plain node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <evaluate|…>');
  process.exit(2);
}
const outfile = join(root, 'dist', 'bench', `${name}.cjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'bench', `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Our workspace packages are TypeScript source: bundle them; every other package stays in node_modules.
  plugins: [
    {
      name: 'external-node-modules',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, args =>
          args.path.startsWith('@internal/') ||
          args.path.startsWith('@readiness-io/')
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
  ],
});
// Node runs with the young-generation size the image gives the backend (NODE_OPTIONS in the Dockerfile), so the
// figures are those of production; a forked backend inherits it.
const dockerfile = readFileSync(join(root, '..', '..', 'Dockerfile'), 'utf8');
const semiSpace = /--max-semi-space-size=\d+/.exec(dockerfile)?.[0];
const run = spawnSync(
  process.execPath,
  [...(semiSpace ? [semiSpace] : []), outfile],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
process.exit(run.status ?? 1);
