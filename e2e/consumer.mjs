#!/usr/bin/env node
// Proof of installation: another team's Backstage backend, in a temporary folder outside this repository, installs
// the Readiness packages from their packed tarballs with npm, adds them with the README's lines (e2e/consumer/), and
// its readiness, deployments and on-call routes answer on its own catalog and track.
//
//   node e2e/consumer.mjs [packs-dir]      # default: packs every plugin first (scripts/pack-plugins.mjs)
//
// Nothing is resolved from the workspace: every @readiness-io package must come from the consumer's node_modules,
// built (dist/), and the consumer's folder is not under this repository.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepRunner } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = 7107;
const base = `http://localhost:${port}`;
const token = 'consumer-ci-token';
const { step, summary } = stepRunner();

const version = name =>
  JSON.parse(
    readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
  ).version;

async function api(method, path, body) {
  const res = await fetch(`${base}/api/readiness${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function waitFor(what, fn, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `timed out waiting for ${what}${last ? `: ${last.message}` : ''}`,
  );
}

async function main() {
  let packs = process.argv[2] && resolve(process.argv[2]);
  // CONSUMER_DIR reuses an installed consumer (while working on this script); CI always starts from nothing.
  const reuse = process.env.CONSUMER_DIR;
  const dir = realpathSync(
    reuse ?? mkdtempSync(join(tmpdir(), 'readiness-consumer-')),
  );
  process.stdout.write(`consumer backend in ${dir}\n`);
  if (dir.startsWith(root))
    throw new Error('the consumer must live outside the repository');

  await step('pack every plugin package', async () => {
    if (!packs) {
      packs = join(dir, 'packs');
      execFileSync('node', [join(root, 'scripts/pack-plugins.mjs'), packs], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    expect(
      readdirSync(packs).filter(f => f.endsWith('.tgz')).length === 6,
      `expected 6 tarballs in ${packs}`,
    );
  });

  const tarball = name =>
    `file:${join(
      packs,
      readdirSync(packs).find(
        f =>
          f.startsWith(`${name.replace('@', '').replace('/', '-')}-`) &&
          /^\d/.test(f.slice(name.length)),
      ),
    )}`;

  await step(
    'npm install the tarballs into a new Backstage backend',
    async () => {
      cpSync(join(root, 'e2e/consumer'), dir, { recursive: true });
      if (reuse) return;
      const pkg = {
        name: 'consumer-backend',
        private: true,
        dependencies: {
          '@backstage/backend-defaults': `^${version(
            '@backstage/backend-defaults',
          )}`,
          '@backstage/plugin-catalog-backend': `^${version(
            '@backstage/plugin-catalog-backend',
          )}`,
          '@backstage/plugin-notifications-backend': `^${version(
            '@backstage/plugin-notifications-backend',
          )}`,
          'better-sqlite3': `^${version('better-sqlite3')}`,
          // The consumer app: what a Backstage app has, and what it takes to type-check, bundle and render.
          ...Object.fromEntries(
            [
              '@backstage/core-components',
              '@backstage/core-plugin-api',
              '@backstage/plugin-catalog',
              '@backstage/plugin-catalog-react',
              '@backstage/test-utils',
              '@backstage/theme',
              '@material-ui/core',
              'react',
              'react-dom',
              'react-router-dom',
              'typescript',
              'esbuild',
              '@types/react',
              '@types/react-dom',
            ].map(name => [name, `^${version(name)}`]),
          ),
          '@readiness-io/plugin-readiness': tarball(
            '@readiness-io/plugin-readiness',
          ),
          '@readiness-io/plugin-readiness-backend': tarball(
            '@readiness-io/plugin-readiness-backend',
          ),
          '@readiness-io/plugin-readiness-common': tarball(
            '@readiness-io/plugin-readiness-common',
          ),
          '@readiness-io/plugin-readiness-node': tarball(
            '@readiness-io/plugin-readiness-node',
          ),
        },
      };
      writeFileSync(
        join(dir, 'package.json'),
        `${JSON.stringify(pkg, null, 2)}\n`,
      );
      execFileSync(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          '--loglevel=error',
        ],
        { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      for (const name of Object.keys(pkg.dependencies).filter(n =>
        n.startsWith('@readiness-io/'),
      )) {
        const installed = join(dir, 'node_modules', name);
        expect(
          realpathSync(installed).startsWith(dir),
          `${name} resolves outside the consumer: ${realpathSync(installed)}`,
        );
        expect(
          existsSync(join(installed, 'dist')) &&
            !existsSync(join(installed, 'src')),
          `${name} is not the built package`,
        );
      }
    },
  );

  const backend = spawn('node', ['backend/index.js'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  backend.stdout.on('data', d => (log += d));
  backend.stderr.on('data', d => (log += d));
  try {
    await step('the backend starts with the readiness plugin', async () => {
      await waitFor(
        'the backend',
        async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok,
        90_000,
      ).catch(error => {
        throw new Error(`${error.message}\n${log.slice(-3000)}`);
      });
    });

    await step(
      'readiness: its own track, evaluated on its own catalog',
      async () => {
        const tracks = await api('GET', '/tracks');
        expect(
          tracks.status === 200,
          `GET /tracks: ${tracks.status} ${tracks.text}`,
        );
        expect(
          tracks.body.items.map(t => t.metadata.name).join() ===
            'checkout-ready',
          `tracks: ${tracks.text}`,
        );
        // The catalog ingests the consumer's file a few seconds after start: until then the entity is a 404.
        const pushed = await waitFor(
          'the catalog to know checkout-api',
          async () => {
            const res = await api('POST', '/evidence', {
              entityRef: 'component:default/checkout-api',
              type: 'evidence.tests.e2e',
              value: { status: 'passed', passed: 12 },
              observedAt: new Date().toISOString(),
            });
            if (res.status === 404) return undefined;
            return res;
          },
          60_000,
        );
        expect(
          pushed.status === 201,
          `POST /evidence: ${pushed.status} ${pushed.text}`,
        );
        const summary = await waitFor(
          'the scorecard',
          async () => {
            const res = await api(
              'GET',
              '/scorecards/component/default/checkout-api/summary',
            );
            return res.status === 200 ? res.body : undefined;
          },
          30_000,
        );
        const track = summary.tracks[0];
        expect(
          track.gatesPassed === 2 &&
            track.verdict ===
              'Checkout API passed every gate of Checkout ready that applies.',
          `scorecard: ${JSON.stringify(track)}`,
        );
      },
    );

    await step(
      'deployments: recorded to its own environment, in the matrix',
      async () => {
        const res = await api('POST', '/deployments', {
          entityRef: 'component:default/checkout-api',
          environment: 'shop-staging',
          version: '2.0.1',
          status: 'succeeded',
        });
        expect(
          res.status === 201,
          `POST /deployments: ${res.status} ${res.text}`,
        );
        const matrix = await api(
          'GET',
          '/deployments/component/default/checkout-api/environments',
        );
        const staging = matrix.body?.environments?.find(
          e => e.environment === 'resource:default/shop-staging',
        );
        expect(
          staging?.latest?.version === '2.0.1' &&
            staging.title === 'Shop staging',
          `matrix: ${matrix.status} ${matrix.text}`,
        );
      },
    );

    await step('on-call: its own rota and escalation levels', async () => {
      const res = await api('GET', '/oncall/component/default/checkout-api');
      expect(res.status === 200, `GET /oncall: ${res.status} ${res.text}`);
      expect(
        res.body.configured === true &&
          res.body.levels.length === 2 &&
          res.body.current?.target.name === 'Ada Lovelace',
        `on-call: ${res.text}`,
      );
    });

    await step(
      'the frontend package type-checks in the consumer app with the README lines',
      async () => {
        execFileSync(
          join(dir, 'node_modules/.bin/tsc'),
          ['-p', join(dir, 'app/tsconfig.json')],
          { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
        );
      },
    );

    await step(
      'its readiness card renders in Chromium from the consumer backend',
      async () => {
        execFileSync(
          join(dir, 'node_modules/.bin/esbuild'),
          [
            'app/render.tsx',
            '--bundle',
            '--outfile=app/render.js',
            '--jsx=automatic',
            '--loader:.svg=dataurl',
            '--loader:.png=dataurl',
            '--define:process.env.NODE_ENV="production"',
            '--log-level=error',
          ],
          { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
        );
        const server = createServer((req, res) => {
          const file = req.url === '/render.js' ? 'render.js' : 'index.html';
          res.writeHead(200, {
            'Content-Type': file.endsWith('.js')
              ? 'text/javascript'
              : 'text/html',
          });
          res.end(readFileSync(join(dir, 'app', file)));
        });
        await new Promise(r => server.listen(3100, r));
        mkdirSync(join(root, 'e2e-results'), { recursive: true });
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu'],
        });
        try {
          const page = await browser.newPage({
            viewport: { width: 900, height: 600 },
          });
          const problems = [];
          page.on('pageerror', e => problems.push(e.message));
          await page.goto('http://localhost:3100/');
          const card = page.getByTestId('readiness-track-checkout-ready');
          await card.getByText('Checkout ready').waitFor({ timeout: 30_000 });
          await card.getByText('2 of 2 gates passed').waitFor();
          await card.getByText('Every gate has passed.').waitFor();
          await page.screenshot({
            path: join(root, 'e2e-results', 'consumer-readiness-card.png'),
          });
          expect(problems.length === 0, `page errors: ${problems.join('; ')}`);
        } finally {
          await browser.close();
          server.close();
        }
      },
    );

    await step('errors name the field and carry no stack trace', async () => {
      const res = await api('POST', '/deployments', {
        entityRef: 'component:default/checkout-api',
        environment: 'shop-staging',
        status: 'succeeded',
      });
      expect(res.status === 400, `expected 400, got ${res.status}`);
      expect(
        /version/.test(res.text),
        `the error does not name the field: ${res.text}`,
      );
      expect(
        !/"stack"/.test(res.text),
        `a stack trace in production: ${res.text}`,
      );
    });
  } finally {
    backend.kill('SIGTERM');
  }
}

main()
  .catch(() => {})
  .finally(() => {
    if (!summary('consumer install')) process.exitCode = 1;
  });
