// What every e2e script shares: where the portal is, a Chromium page, named steps and the summary line .ci/run
// reads ("e2e: N passed, M failed").
//   APP_URL      the frontend (default http://localhost:3000)
//   BACKEND_URL  the backend (default http://localhost:7007)
//   CHROMIUM     the browser binary (default /usr/bin/chromium)
//   E2E_RESULTS  where screenshots go (default ./e2e-results)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const appUrl = process.env.APP_URL ?? 'http://localhost:3000';
export const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
export const ciToken =
  process.env.READINESS_CI_TOKEN ?? 'local-ci-token-for-development-only';
export const resultsDir = resolve(process.env.E2E_RESULTS ?? 'e2e-results');
mkdirSync(resultsDir, { recursive: true });

/** Runs `scenario(page, step, shot)` in a fresh Chromium page, prints the summary and exits 0 or 1. */
/**
 * Steps that print ✓ or ✗ with their time (and the error, indented), and the closing `e2e: N passed, M failed` line
 * that .ci/run counts. `onFailure` runs before a failed step rethrows (a screenshot, say).
 */
export function stepRunner(options = {}) {
  const results = [];
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false });
      console.log(
        `  ✗ ${name}\n    ${String(error?.message ?? error)
          .split('\n')
          .join('\n    ')}`,
      );
      await options.onFailure?.(name);
      throw error;
    }
  };
  const summary = what => {
    const passed = results.filter(r => r.ok).length;
    console.log(
      `e2e: ${passed} passed, ${results.length - passed} failed (${what})`,
    );
    return results.length > 0 && passed === results.length;
  };
  return { step, summary, results };
}

export async function runE2e(title, scenario) {
  const { step, results } = stepRunner();
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
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
  });
  page.setDefaultTimeout(60_000);
  // What the browser console says while the scenario runs: errors, React warnings and uncaught exceptions.
  const consoleMessages = [];
  page.on('console', message => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleMessages.push({
        type: message.type(),
        text: message.text(),
        url: page.url(),
      });
  });
  page.on('pageerror', error =>
    consoleMessages.push({
      type: 'pageerror',
      text: String(error?.stack ?? error),
      url: page.url(),
    }),
  );
  page.consoleMessages = consoleMessages;
  const shot = name =>
    page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
  let failed = false;
  try {
    console.log(`${title} against ${appUrl}`);
    await scenario(page, step, shot);
  } catch {
    failed = true;
    await shot(`failure-${title.replace(/\W+/g, '-')}`).catch(() => {});
  } finally {
    await browser.close();
  }
  const passed = results.filter(r => r.ok).length;
  console.log(
    `e2e: ${passed} passed, ${
      results.length - passed
    } failed; screenshots in ${resultsDir}`,
  );
  process.exit(failed ? 1 : 0);
}

/**
 * Console messages caused by our own code: uncaught exceptions, and errors or warnings whose text or component
 * stack names a file of ours (React prints the component stack with the source path in development).
 */
export function ourConsoleProblems(page) {
  // React's deprecation notices about libraries (material-table's defaultProps, findDOMNode in Material UI) name
  // the library's component, not ours, even when ours are further up the stack.
  const aboutLibraries =
    /^Warning: (%s: )?Support for defaultProps will be removed|^Warning: findDOMNode is deprecated/;
  return page.consoleMessages.filter(
    m =>
      m.type === 'pageerror' ||
      (!aboutLibraries.test(m.text) &&
        /plugins\/readiness|packages\/app\/src|plugin-readiness/.test(m.text)),
  );
}

/**
 * Fails when the visible text of the page speaks the engine's language: JSON, fact ids or full entity refs.
 * `except` is a CSS selector of what is code on purpose (the playground's YAML editor), left out of the check.
 */
export async function expectWordsOnly(page, where, except) {
  const text = await page.evaluate(selector => {
    const hidden = selector ? [...document.querySelectorAll(selector)] : [];
    const saved = hidden.map(el => el.getAttribute('style'));
    hidden.forEach(el => {
      el.style.setProperty('display', 'none', 'important');
    });
    const visible = document.body.innerText;
    hidden.forEach((el, i) => {
      if (saved[i] === null) el.removeAttribute('style');
      else el.setAttribute('style', saved[i]);
    });
    return visible;
  }, except);
  const found =
    /\{"|"\}|\bevidence\.[a-z]|\b(user|group|component|system|resource):default\//.exec(
      text,
    );
  if (found) {
    const at = Math.max(0, found.index - 80);
    throw new Error(
      `${where} shows '${found[0]}': …${text.slice(at, found.index + 80)}…`,
    );
  }
}

/** Signs in as the guest user (the demo's sign-in page). */
export async function signInAsGuest(page) {
  await page.goto(appUrl);
  await page.getByText('Guest', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: /enter/i }).click();
  await page.getByRole('heading', { name: /Readiness Demo Catalog/ }).waitFor();
}

/** A POST to the readiness API with the CI token, as CI sends evidence and deployments; throws on any other status. */
export async function postReadiness(path, body, expected = [201]) {
  const res = await fetch(`${backendUrl}/api/readiness${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ciToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!expected.includes(res.status))
    throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return res;
}

/**
 * Attests the Service baseline's incident drill of rag-api on its Readiness tab (the open page), with `note`, then
 * reloads and waits for the check to pass, attested by `by`.
 */
export async function attestIncidentDrill(page, note, by) {
  await page.getByRole('tab', { name: 'Service baseline' }).click();
  const row = page.getByTestId('check-operable-incident-drill');
  await row.waitFor();
  const attest = row.getByRole('button', { name: 'Attest' });
  if (await attest.count()) {
    await attest.click();
    await page.getByLabel('Note').fill(note);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Attest' })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
  await page.reload();
  await page.getByRole('tab', { name: 'Service baseline' }).click();
  await page
    .getByTestId('check-operable-incident-drill')
    .locator('[data-status="pass"]')
    .waitFor();
  await page
    .getByTestId('check-operable-incident-drill')
    .getByText(by)
    .waitFor();
}

/** A GET on the readiness API with the CI token: the status and the parsed body. */
export async function getReadiness(path) {
  const res = await fetch(`${backendUrl}/api/readiness${path}`, {
    headers: { Authorization: `Bearer ${ciToken}` },
  });
  return readAnswer(res);
}

/** A fetch response as its status and body: parsed JSON, or the text when it is not JSON. */
export async function readAnswer(res) {
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}
