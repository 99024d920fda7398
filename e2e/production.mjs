#!/usr/bin/env node
// The production build, as the image runs it: installed into a clean folder (scripts/install-production.sh), started
// with app-config.production.yaml against PostgreSQL.
//
//   PROD_DIR=/tmp/readiness-prod POSTGRES_HOST=localhost POSTGRES_PORT=5432 POSTGRES_USER=postgres \
//   POSTGRES_PASSWORD=... node e2e/production.mjs
//
// Checks: health; the plugins' databases are in PostgreSQL; the backend serves the built app on one origin; the CI
// token reads readiness and nothing else; errors carry no stack trace. Sign-in is OpenID Connect against a real
// identity provider started here (e2e/oidc/identityProvider.mjs: oidc-provider with the demo org's people): in
// Chromium Maria signs in on the provider's form, lands as user:default/maria.garcia, sees the readiness card,
// attests a manual check, and is refused approving her own waiver. Started again with a wrong client secret, the
// sign-in page says what went wrong.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  startIdentityProvider,
  TEST_PASSWORD,
} from './oidc/identityProvider.mjs';
import { attestIncidentDrill, stepRunner } from './harness.mjs';
import {
  databasesOf,
  dropDatabases,
  productionBackend,
  productionEnv,
} from './productionInstall.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.env.PROD_DIR ?? '/tmp/readiness-prod');
const base = 'http://localhost:7007';
/** Where instrumentation.js serves the metrics in this run (the image's default is 9464). */
const metricsPort = 9464;
const token = 'production-ci-token';
const client = {
  id: 'readiness-portal',
  secret: 'portal-client-secret-for-e2e',
  redirectUri: `${base}/api/auth/oidc/handler/frame`,
};
const prefix = `readiness_e2e_${Date.now()}_`;
const { step, summary } = stepRunner({
  // A failing step leaves a screenshot of the page it was on, and what that page says.
  onFailure: async () => {
    if (!current) return;
    await current
      .screenshot({ path: join(shots, 'failure-e2e-production.png') })
      .catch(() => {});
    const text = await current
      .locator('body')
      .innerText()
      .catch(() => '');
    console.log(`    the page says: ${text.slice(0, 600)}`);
  },
});
const shots = join(root, 'e2e-results');
/** The page a failing step leaves a screenshot and an excerpt of. */
let current;

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function get(path, headers = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, text: await res.text() };
}

/** Opens the portal, checks the sign-in page, and signs `user` in on the identity provider's form (in its popup). */
async function signIn(page, user) {
  await page.goto(`${base}/`);
  await page.getByText('Single sign-on').first().waitFor();
  const body = await page.locator('body').innerText();
  expect(!/\bGuest\b/.test(body), 'the production app offers guest sign-in');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: /sign in/i }).click(),
  ]);
  await popup.locator('input[name="login"]').fill(user);
  await popup.locator('input[name="password"]').fill(TEST_PASSWORD);
  await popup.locator('button[type="submit"]').click();
  return popup;
}

async function main() {
  expect(
    !existsSync(join(dir, 'packages/backend/src')),
    `${dir} holds sources: not a production install`,
  );
  const env = productionEnv({
    dir,
    prefix,
    baseUrl: base,
    token,
    oidcClientId: client.id,
  });
  env.METRICS_PORT = String(metricsPort);
  mkdirSync(shots, { recursive: true });

  const idp = await startIdentityProvider({
    port: 7300,
    repoRoot: root,
    client,
  });
  env.OIDC_METADATA_URL = idp.metadataUrl;
  const backend = productionBackend({
    name: 'the backend',
    dir,
    env,
    port: 7007,
  });
  backend.start({ OIDC_CLIENT_SECRET: client.secret });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const errors = [];
  try {
    await step(
      'starts from the clean folder on PostgreSQL and reports ready',
      async () => {
        await backend.ready();
        expect(
          (await get('/.backstage/health/v1/liveness')).status === 200,
          'liveness',
        );
        const names = await databasesOf(env, prefix);
        // The catalog ingests the demo org from its files after start; people can sign in once their User exists.
        const until = Date.now() + 120_000;
        while (
          (
            await get(
              '/api/catalog/entities/by-name/user/default/maria.garcia',
              {
                Authorization: `Bearer ${token}`,
              },
            )
          ).status !== 200
        ) {
          if (Date.now() > until)
            throw new Error(
              'the catalog never ingested user:default/maria.garcia',
            );
          await new Promise(r => setTimeout(r, 1000));
        }
        expect(
          names.includes(`${prefix}readiness`) &&
            names.includes(`${prefix}catalog`),
          `plugin databases in PostgreSQL: ${names.join(', ')}`,
        );
      },
    );

    await step(
      'serves the built app on the same origin, under a Content Security Policy',
      async () => {
        const res = await fetch(`${base}/`);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(/connect-src 'self'(;|$)/.test(csp), `CSP: ${csp}`);
        expect(/object-src 'none'/.test(csp), `CSP: ${csp}`);
        const page = { status: res.status, text: await res.text() };
        expect(page.status === 200, `GET / answered ${page.status}`);
        expect(
          /<div id="root">/.test(page.text) && /static\/.*\.js/.test(page.text),
          'GET / is not the built app',
        );
        expect(
          !/localhost:3000/.test(page.text),
          'the app points at the development frontend',
        );
      },
    );

    await step(
      'the CI token reads readiness, and only readiness and the catalog',
      async () => {
        const auth = { Authorization: `Bearer ${token}` };
        const tracks = await get('/api/readiness/tracks', auth);
        expect(
          tracks.status === 200,
          `GET /api/readiness/tracks: ${tracks.status} ${tracks.text}`,
        );
        // The two demo tracks and the portal's own.
        expect(JSON.parse(tracks.text).items.length === 3, tracks.text);
        const other = await get('/api/tech-insights/checks', auth);
        expect(
          other.status === 403,
          `tech-insights with the CI token: ${other.status}`,
        );
        const none = await get('/api/readiness/tracks');
        expect(none.status === 401, `without a token: ${none.status}`);
      },
    );

    await step(
      'errors name what is wrong and carry no stack trace',
      async () => {
        const res = await get(
          '/api/readiness/scorecards/component/default/nope',
          {
            Authorization: `Bearer ${token}`,
          },
        );
        expect(res.status === 404, `expected 404, got ${res.status}`);
        expect(/component:default\/nope/.test(res.text), res.text);
        expect(!/"stack"/.test(res.text), `a stack trace: ${res.text}`);
      },
    );

    await step(
      "Prometheus scrapes every plugin's metrics: readiness's beside the catalog's and the scheduler's",
      async () => {
        const wanted = [
          /^readiness_tracks\{[^}]*state="loaded"[^}]*\} 3$/m,
          // Present at 0 from the start, for the ReadinessDatabaseUnreachable alert.
          /^readiness_database_unavailable_total\{[^}]*\} 0$/m,
          // The 404 of the step before, counted by the readiness router.
          /^readiness_requests_rejected(_total)?\{[^}]*status="404"/m,
          /^catalog_entities_count\{/m,
          /^backend_tasks_task_runs_(count|started)/m,
        ];
        let text = '';
        const until = Date.now() + 60_000;
        do {
          text = await (
            await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
          ).text();
          if (wanted.every(w => w.test(text))) break;
          await new Promise(r => setTimeout(r, 1000));
        } while (Date.now() < until);
        for (const w of wanted)
          expect(w.test(text), `no ${w.source} in /metrics`);
      },
    );

    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    page.on('pageerror', e => errors.push(e.message));
    current = page;
    let userToken;

    await step(
      'Maria signs in through the OIDC provider and is user:default/maria.garcia',
      async () => {
        const popup = await signIn(page, 'maria.garcia');
        // The provider asks for consent once, then hands back to the portal.
        await popup.locator('button[type="submit"]').click({ timeout: 30_000 });
        await page
          .getByText(/Readiness Demo Catalog/)
          .first()
          .waitFor({ timeout: 60_000 });
        const session = await page.evaluate(async () => {
          const res = await fetch(
            '/api/auth/oidc/refresh?optional&env=production',
            {
              headers: { 'X-Requested-With': 'XMLHttpRequest' },
              credentials: 'include',
            },
          );
          return res.json();
        });
        const identity = session.backstageIdentity?.identity;
        expect(
          identity?.userEntityRef === 'user:default/maria.garcia',
          `signed in as ${JSON.stringify(session).slice(0, 400)}`,
        );
        userToken = session.backstageIdentity.token;
        await page.screenshot({
          path: join(shots, 'production-signed-in.png'),
        });
      },
    );

    await step('she sees the readiness card of rag-api', async () => {
      await page.goto(`${base}/catalog/default/component/rag-api`);
      await page
        .getByTestId('readiness-track-rag-production-readiness')
        .getByText('RAG production readiness')
        .waitFor({ timeout: 60_000 });
    });

    await step(
      'she attests a manual check, and it is recorded as hers',
      async () => {
        await page.goto(`${base}/catalog/default/component/rag-api/readiness`);
        await attestIncidentDrill(
          page,
          'Drill run in the production e2e, signed in through OIDC',
          /attested by Maria Garcia/,
        );
        await page.screenshot({ path: join(shots, 'production-attested.png') });
      },
    );

    await step('she may not approve her own waiver (403)', async () => {
      const call = (path, body) =>
        fetch(`${base}/api/readiness${path}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${userToken}`,
            'Content-Type': 'application/json',
          },
          body: body && JSON.stringify(body),
        });
      const requested = await call('/waivers', {
        entityRef: 'component:default/rag-api',
        trackId: 'rag-production-readiness',
        gateId: 'backend-verified',
        checkId: 'backend-coverage',
        reason: 'Coverage is measured again after the OIDC rework lands',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      const answer = await requested.text();
      expect(
        requested.status === 201,
        `request: ${requested.status} ${answer}`,
      );
      const { id } = JSON.parse(answer);
      const approved = await call(`/waivers/${id}/approve`);
      expect(
        approved.status === 403,
        `approving her own waiver: ${approved.status}`,
      );
    });

    await step(
      'the log is JSON, one object per line, and no request is logged at info level',
      async () => {
        // Backstage's config loader prints where it loads config from before the logger exists; every line after
        // it is the logger's.
        const lines = backend
          .stdout()
          .split('\n')
          .filter(l => l.trim())
          .filter(l => !/^Loading config from MergedConfigSource/.test(l));
        expect(lines.length > 10, `only ${lines.length} log lines`);
        const entries = lines.map(line => {
          try {
            return JSON.parse(line);
          } catch {
            throw new Error(`a log line that is not JSON: ${line}`);
          }
        });
        for (const e of entries) {
          expect(
            typeof e.level === 'string' &&
              typeof e.message === 'string' &&
              !Number.isNaN(Date.parse(e.timestamp)),
            `a log entry without level, message or timestamp: ${JSON.stringify(
              e,
            )}`,
          );
        }
        expect(
          entries.some(e => e.plugin === 'readiness'),
          'no log entry of the readiness plugin',
        );
        // Hundreds of requests were served by now (the sign-in, the pages, the API calls above).
        const requests = entries.filter(e => e.type === 'incomingRequest');
        expect(
          requests.length === 0,
          `${requests.length} request log lines, e.g. ${JSON.stringify(
            requests[0],
          )}`,
        );
      },
    );

    await step(
      "a wrong client secret: the sign-in page says so in words (the seed's invalid_client)",
      async () => {
        await backend.stop();
        backend.start({ OIDC_CLIENT_SECRET: 'not-the-client-secret' });
        await backend.ready();
        const other = await browser.newPage({
          viewport: { width: 1440, height: 900 },
        });
        other.on('pageerror', e => errors.push(e.message));
        current = other;
        const popup = await signIn(other, 'sam.okafor');
        await popup
          .locator('button[type="submit"]')
          .click({ timeout: 10_000 })
          .catch(() => {
            // the popup may already have closed with the error
          });
        await other
          .getByText(/invalid_client|client authentication failed/i)
          .first()
          .waitFor({ timeout: 60_000 });
        await other.screenshot({
          path: join(shots, 'production-invalid-client.png'),
        });
      },
    );

    await step('the browser showed no page errors', async () => {
      expect(errors.length === 0, `page errors: ${errors.join('; ')}`);
    });
  } finally {
    await browser.close();
    await backend.stop();
    await idp.close();
    await dropDatabases(env, prefix);
  }
}

main()
  .catch(() => {})
  .finally(() => {
    if (!summary('production build')) process.exitCode = 1;
  });
