// npm run bench:bundle — what the Readiness plugin adds to the app bundle.
//
// Bundles the plugin's entry (src/index.ts) for the browser with esbuild (minified, code-split at its lazy imports),
// leaving out every package the app already ships without it (the dependency closure of packages/app minus this
// plugin: React, Material UI, Backstage, …), and reports gzipped sizes: the initial chunk (the entry and what it
// imports statically) and the lazy chunks (loaded when a card, tab or page is opened). For scale, the same
// measurement of a peer plugin the app already has, @backstage/plugin-catalog-graph, in the same run.
// Target: initial chunk ≤ 150 KB gzipped.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = path.dirname(new URL(import.meta.url).pathname);
const pluginDir = path.resolve(here, '..');
const root = path.resolve(pluginDir, '../..');
const require = createRequire(path.join(root, 'packages/app/package.json'));
const TARGET_KB = 150;
const print = line => process.stdout.write(`${line}\n`);

function packageJsonOf(name, fromDir) {
  try {
    const req = createRequire(path.join(fromDir, 'package.json'));
    return {
      file: req.resolve(`${name}/package.json`),
      json: JSON.parse(
        fs.readFileSync(req.resolve(`${name}/package.json`), 'utf8'),
      ),
    };
  } catch {
    // Packages without an exported package.json: look for it in node_modules.
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const file = path.join(dir, 'node_modules', name, 'package.json');
      if (fs.existsSync(file))
        return { file, json: JSON.parse(fs.readFileSync(file, 'utf8')) };
      if (dir === path.dirname(dir)) return undefined;
    }
  }
}

/** Every package the app depends on, directly or not, without this plugin. */
function appClosure() {
  const app = JSON.parse(
    fs.readFileSync(path.join(root, 'packages/app/package.json'), 'utf8'),
  );
  const seen = new Set();
  const queue = Object.keys(app.dependencies)
    .filter(n => n !== '@readiness-io/plugin-readiness')
    .map(n => [n, path.join(root, 'packages/app')]);
  while (queue.length) {
    const [name, from] = queue.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const pkg = packageJsonOf(name, from);
    if (!pkg) continue;
    const dir = path.dirname(pkg.file);
    for (const dep of Object.keys({
      ...pkg.json.dependencies,
      ...pkg.json.peerDependencies,
    }))
      queue.push([dep, dir]);
  }
  return seen;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function measure(label, entry, shipped) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bundle-'));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    metafile: true,
    outdir,
    jsx: 'automatic',
    loader: { '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins: [
      {
        name: 'already-in-the-app',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, args =>
            shipped.has(packageName(args.path))
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  // Lazy imports are entry points of their own chunks too: the initial one is the output of *this* entry.
  const entryOut = Object.keys(outputs).find(
    o =>
      outputs[o].entryPoint &&
      path.resolve(outputs[o].entryPoint) === path.resolve(entry),
  );
  const initial = new Set();
  const visit = o => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o].imports)
      if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entryOut);
  const gz = o => gzipSync(fs.readFileSync(o)).length / 1024;
  const js = Object.keys(outputs).filter(o => o.endsWith('.js'));
  const initialKb = [...initial].reduce((s, o) => s + gz(o), 0);
  const lazy = js
    .filter(o => !initial.has(o))
    .map(o => ({ o, kb: gz(o), inputs: Object.keys(outputs[o].inputs) }));
  const bundledPackages = new Set(
    Object.keys(result.metafile.inputs)
      .filter(i => i.includes('node_modules/'))
      .map(i => packageName(i.split('node_modules/').pop())),
  );
  fs.rmSync(outdir, { recursive: true, force: true });
  return {
    label,
    initialKb,
    lazy,
    lazyKb: lazy.reduce((s, l) => s + l.kb, 0),
    bundledPackages: [...bundledPackages].sort(),
  };
}

const shipped = appClosure();
shipped.delete('@readiness-io/plugin-readiness-common');
const ours = await measure(
  '@readiness-io/plugin-readiness',
  path.join(pluginDir, 'src/index.ts'),
  shipped,
);
const peerShipped = new Set(shipped);
peerShipped.delete('@backstage/plugin-catalog-graph');
const peer = await measure(
  '@backstage/plugin-catalog-graph',
  require.resolve('@backstage/plugin-catalog-graph'),
  peerShipped,
);

const kb = n => `${n.toFixed(1)} KB`;
print(
  `bench:bundle — gzipped, minified, packages the app already ships left out (${shipped.size} of them)`,
);
for (const r of [ours, peer]) {
  print(
    `  ${r.label}: initial chunk ${kb(r.initialKb)}; lazy chunks ${kb(
      r.lazyKb,
    )} in ${r.lazy.length}`,
  );
  print(
    `    bundled packages it adds: ${r.bundledPackages.join(', ') || 'none'}`,
  );
}
for (const l of ours.lazy.sort((a, b) => b.kb - a.kb).slice(0, 8)) {
  const ownFile = l.inputs.find(i => i.includes('/src/components/'));
  const counts = new Map();
  for (const i of l.inputs.filter(x => x.includes('node_modules/'))) {
    const name = packageName(i.split('node_modules/').pop());
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const mainPackage = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const main = ownFile
    ? ownFile.replace(/.*\/src\//, 'src/')
    : mainPackage ?? l.inputs[0];
  print(
    `    lazy ${kb(l.kb).padStart(9)}  ${main}${
      l.inputs.length > 1 ? ` (+${l.inputs.length - 1} files)` : ''
    }`,
  );
}
print(
  `ratio initial chunk ours / ${peer.label}: ${(
    ours.initialKb / peer.initialKb
  ).toFixed(2)}`,
);
print(
  `initial chunk: ${kb(ours.initialKb)} (target ≤ ${TARGET_KB} KB) ${
    ours.initialKb <= TARGET_KB ? 'met' : 'NOT met'
  }`,
);
if (ours.initialKb > TARGET_KB) process.exitCode = 1;
