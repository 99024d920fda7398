// End-to-end smoke test of the running portal in real Chromium (playwright-core).
// Expects the portal to be up (`npm start`); .ci/run starts it, runs this, and stops it.
//   APP_URL      the frontend (default http://localhost:3000)
//   CHROMIUM     the browser binary (default /usr/bin/chromium)
//   E2E_RESULTS  where screenshots go (default ./e2e-results)
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const appUrl = process.env.APP_URL ?? 'http://localhost:3000';
const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
const ciToken = process.env.READINESS_CI_TOKEN ?? 'local-ci-token-for-development-only';
const resultsDir = resolve(process.env.E2E_RESULTS ?? 'e2e-results');
mkdirSync(resultsDir, { recursive: true });

const results = [];
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
    throw error;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.setDefaultTimeout(60_000);
const shot = name => page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });

let failed = false;
try {
  console.log(`e2e smoke against ${appUrl}`);

  await step('sign in as guest', async () => {
    await page.goto(appUrl);
    await page.getByText('Guest', { exact: true }).first().waitFor();
    await shot('01-sign-in');
    await page.getByRole('button', { name: /enter/i }).click();
    await page.getByRole('heading', { name: /Readiness Demo Catalog/ }).waitFor();
    await page.getByText('RAG API', { exact: true }).first().waitFor();
    await shot('02-catalog');
  });

  await step('rag-api entity page shows its title and owner', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rag-api`);
    await page.getByRole('heading', { name: 'RAG API' }).first().waitFor();
    // The About card's Owner field links to the owning group, shown by its title.
    await page.getByRole('heading', { name: 'Owner', exact: true }).first().waitFor();
    // (It shows the ref until the catalog's presentation API has resolved the group's title.)
    await page.locator('a[href$="/catalog/default/group/rag-team"]', { hasText: 'RAG Team' }).first().waitFor();
    await page.getByText('OIDC authentication').first().waitFor();
    await shot('03-rag-api');
  });

  await step('rag-platform system page shows its components and dependency graph', async () => {
    await page.goto(`${appUrl}/catalog/default/system/rag-platform`);
    await page.getByRole('heading', { name: 'RAG platform' }).first().waitFor();
    for (const title of ['RAG API', 'RAG Web', 'RAG Retriever', 'RAG Ingestion']) {
      await page.getByRole('link', { name: title }).first().waitFor();
    }
    // The catalog graph draws each related entity as a node in an SVG.
    await page.locator('svg [data-testid="node"]').first().waitFor();
    await shot('04-rag-platform');
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await page.locator('svg [data-testid="node"]').nth(8).waitFor();
    await shot('05-rag-platform-diagram');
  });

  await step('scorecard tab runs the tech-insights checks for rag-api', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rag-api/scorecard`);
    await page.getByText('Owned by a group').waitFor();
    await page.getByText(/\d+ of \d+ checks passed/).waitFor();
    await shot('06-rag-api-scorecard');
  });
  await step('readiness: the demo reproduces the seed (rag-api blocked by OIDC login), and the CI gate says so', async () => {
    const res = await fetch(`${backendUrl}/api/readiness/scorecards/component/default/rag-api`, {
      headers: { Authorization: `Bearer ${ciToken}` },
    });
    if (res.status !== 200) throw new Error(`scorecard answered ${res.status}: ${await res.text()}`);
    const card = await res.json();
    const rag = card.tracks.find(t => t.track.metadata.name === 'rag-production-readiness').evaluation;
    if (rag.summary.nextGate !== 'backend-verified' || rag.summary.blockers[0]?.checkId !== 'oidc-login') {
      throw new Error(`unexpected summary ${JSON.stringify(rag.summary)}`);
    }
    const gate = spawnSync(
      process.execPath,
      ['plugins/readiness-common/bin/readiness-gate.js', '--entity', 'component:default/rag-api', '--track', 'rag-production-readiness', '--gate', 'deployment-prepared'],
      { env: { ...process.env, READINESS_BASE_URL: backendUrl, READINESS_TOKEN: ciToken }, encoding: 'utf8' },
    );
    if (gate.status !== 1 || !gate.stdout.includes('backend-verified/oidc-login')) {
      throw new Error(`readiness-gate exited ${gate.status}: ${gate.stdout}${gate.stderr}`);
    }
    console.log(gate.stdout.split('\n').map(l => `      ${l}`).join('\n'));
  });
  await step('operations: rag-api has its runbooks and on-call rota, read from the demo catalog files', async () => {
    const get = async url => {
      const res = await fetch(`${backendUrl}/api/readiness${url}`, { headers: { Authorization: `Bearer ${ciToken}` } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const runbooks = await get('/runbooks/component/default/rag-api');
    const titles = runbooks.runbooks.filter(r => r.status === 'ok').map(r => r.metadata.title);
    if (!titles.includes('OIDC login outage') || titles.length !== 3) throw new Error(`unexpected runbooks ${JSON.stringify(runbooks.runbooks)}`);
    const byAlert = await get('/runbooks/by-alert/OidcLoginFailures');
    if (byAlert.items[0]?.entityRef !== 'component:default/rag-api') throw new Error(`unexpected by-alert ${JSON.stringify(byAlert)}`);
    const oncall = await get('/oncall/component/default/rag-api');
    if (!oncall.configured || oncall.levels.length !== 3 || !(oncall.uncoveredHours14d > 0)) {
      throw new Error(`unexpected on-call ${JSON.stringify(oncall)}`);
    }
    console.log(`      runbooks: ${titles.join(', ')}; on-call levels: ${oncall.levels.length}; uncovered in 14 days: ${oncall.uncoveredHours14d} h`);
  });
} catch {
  failed = true;
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}

const passed = results.filter(r => r.ok).length;
console.log(`e2e: ${passed} passed, ${results.length - passed} failed; screenshots in ${resultsDir}`);
process.exit(failed ? 1 : 0);
