#!/usr/bin/env node
// Soak: the production build on PostgreSQL under mixed traffic for a while, its memory sampled from /proc:
//
//   PROD_DIR=/tmp/readiness-prod POSTGRES_HOST=localhost POSTGRES_PORT=5432 POSTGRES_USER=postgres \
//   POSTGRES_PASSWORD=... SOAK_SECONDS=600 node e2e/soak.mjs
//
// The backend runs with Node's options as the image sets them (NODE_OPTIONS in the Dockerfile), the old-generation
// heap capped for a 1 GiB container (--max-old-space-size): memory the backend held would end in an out-of-memory crash, garbage is
// collected. Traffic: 8 clients reading scorecards, summaries, the overview, runbooks, on-call and deployments, pushing
// evidence and deployments, previewing a track, and sending bad input (400s). Checks: no 5xx, the backend never
// restarts, and resident memory after warm-up stays flat: the last third's median within 15 % of the middle third's.
// CI runs it for 150 s (SOAK_SECONDS); `npm run soak` for 10 minutes.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIdentityProvider } from './oidc/identityProvider.mjs';
import { stepRunner } from './harness.mjs';
import {
  dropDatabases,
  productionBackend,
  productionEnv,
} from './productionInstall.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.env.PROD_DIR ?? '/tmp/readiness-prod');
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
/** Node's options as the Dockerfile sets them, and the cap of the old-generation heap in MB among them. */
const NODE_OPTIONS =
  /NODE_OPTIONS="([^"]*)"/.exec(
    readFileSync(join(root, 'Dockerfile'), 'utf8'),
  )?.[1] ?? '';
const HEAP_MB = Number(
  /--max-old-space-size=(\d+)/.exec(NODE_OPTIONS)?.[1] ?? NaN,
);
const token = 'soak-ci-token';
const prefix = `readiness_soak_${Date.now()}_`;
const base = 'http://localhost:7007';
const { step, summary } = stepRunner();

function expect(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = ms => new Promise(r => setTimeout(r, ms));
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function main() {
  expect(HEAP_MB > 0, 'the Dockerfile sets no --max-old-space-size');
  const env = productionEnv({
    dir,
    prefix,
    baseUrl: base,
    token,
    oidcClientId: 'readiness-portal',
  });
  Object.assign(env, {
    NODE_OPTIONS,
    OIDC_CLIENT_SECRET: 'portal-client-secret-for-e2e',
    METRICS_PORT: 'off',
  });
  const idp = await startIdentityProvider({
    port: 7300,
    repoRoot: root,
    client: {
      id: env.OIDC_CLIENT_ID,
      secret: env.OIDC_CLIENT_SECRET,
      redirectUri: `${base}/api/auth/oidc/handler/frame`,
    },
  });
  env.OIDC_METADATA_URL = idp.metadataUrl;
  const backend = productionBackend({
    name: 'the backend',
    dir,
    env,
    port: 7007,
  });
  backend.start();
  const log = () => backend.log();
  const auth = { Authorization: `Bearer ${token}` };
  try {
    await step(
      'the production backend starts with its heap capped',
      async () => {
        const until = Date.now() + 180_000;
        for (;;) {
          const ok = await fetch(
            `${base}/api/catalog/entities/by-name/component/default/rag-api`,
            { headers: auth },
          ).then(
            r => r.ok,
            () => false,
          );
          if (ok) break;
          expect(!backend.exited(), `exited:\n${log().slice(-3000)}`);
          expect(Date.now() < until, `not ready:\n${log().slice(-3000)}`);
          await sleep(1000);
        }
      },
    );

    await step(
      `${seconds} s of mixed traffic: no 5xx, no restart, resident memory flat after warm-up`,
      async () => {
        const track = readFileSync(
          join(root, 'examples/readiness/service-baseline.yaml'),
          'utf8',
        );
        const components = [
          'rag-api',
          'rag-web',
          'rag-retriever',
          'rag-ingestion',
          'readiness-portal',
        ];
        let i = 0;
        const requests = [
          () => [`/scorecards/component/default/${components[i % 5]}`],
          () => [`/scorecards/component/default/${components[i % 5]}/summary`],
          () => ['/overview'],
          () => [`/runbooks/component/default/${components[i % 5]}`],
          () => ['/oncall/component/default/rag-api'],
          () => ['/deployments/component/default/rag-api'],
          () => [
            '/evidence',
            {
              entityRef: `component:default/${components[i % 4]}`,
              type: 'evidence.tests.unit',
              value: { status: 'passed', total: 120, failed: 0, run: i },
              externalId: `soak-${i}`,
            },
          ],
          () => [
            '/deployments',
            {
              entityRef: 'component:default/rag-web',
              environment: 'rag-dev',
              version: `0.${i}.0`,
              status: 'succeeded',
              externalId: `soak-deploy-${i}`,
            },
          ],
          () => ['/tracks/preview', { track }],
          // Bad input: refused with a 400, nothing kept.
          () => [
            '/evidence',
            { entityRef: 'component:default/rag-api', type: 42, value: {} },
          ],
        ];
        const counts = new Map();
        const failures = [];
        let running = true;
        const client = async () => {
          while (running) {
            const [path, body] = requests[i++ % requests.length]();
            const res = await fetch(`${base}/api/readiness${path}`, {
              method: body ? 'POST' : 'GET',
              headers: { ...auth, 'Content-Type': 'application/json' },
              body: body ? JSON.stringify(body) : undefined,
            });
            await res.arrayBuffer();
            counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
            if (res.status >= 500 && failures.length < 5)
              failures.push(`${path}: ${res.status}`);
          }
        };
        const samples = [];
        const sampler = setInterval(
          () => samples.push(rssMb(backend.pid())),
          2000,
        );
        const clients = Array.from({ length: 8 }, client);
        await sleep(seconds * 1000);
        running = false;
        await Promise.all(clients);
        clearInterval(sampler);

        expect(!backend.exited(), `the backend exited:\n${log().slice(-3000)}`);
        expect(failures.length === 0, `5xx answers: ${failures.join('; ')}`);
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        // The first third is warm-up (caches, JIT, the heap growing to its working size).
        const third = Math.floor(samples.length / 3);
        const middle = median(samples.slice(third, 2 * third));
        const last = median(samples.slice(2 * third));
        const peak = Math.max(...samples);
        console.log(
          `    ${total} requests in ${seconds} s (${Math.round(
            total / seconds,
          )}/s; ${[...counts]
            .map(([s, n]) => `${n}× ${s}`)
            .join(', ')}); RSS MB: start ${Math.round(
            samples[0],
          )}, middle third median ${Math.round(
            middle,
          )}, last third median ${Math.round(last)}, peak ${Math.round(
            peak,
          )}; heap cap ${HEAP_MB} MB`,
        );
        expect(
          last <= middle * 1.15,
          `resident memory still growing: ${Math.round(middle)} → ${Math.round(
            last,
          )} MB`,
        );
        expect(
          peak < HEAP_MB + 400,
          `peak ${Math.round(peak)} MB beyond the heap cap and native memory`,
        );
      },
    );
  } finally {
    await backend.stop();
    await idp.close();
    await dropDatabases(env, prefix);
  }
}

main()
  .catch(error => console.log(`  ✗ ${error.message}`))
  .finally(() => {
    if (!summary('soak')) process.exitCode = 1;
  });
