// End-to-end smoke test of the running portal in real Chromium (playwright-core).
// Expects the portal to be up (`npm start`); .ci/run starts it, runs this, and stops it.
// Settings: see harness.mjs.
import { mcpSteps } from './mcp.mjs';
import { playgroundSteps } from './playground.mjs';
import { campaignSteps } from './campaigns.mjs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  appUrl,
  attestIncidentDrill,
  backendUrl,
  ciToken,
  expectWordsOnly,
  ourConsoleProblems,
  postReadiness,
  resultsDir,
  runE2e,
} from './harness.mjs';

await runE2e('e2e smoke', async (page, step, shot) => {
  await step('sign in as guest', async () => {
    await page.goto(appUrl);
    await page.getByText('Guest', { exact: true }).first().waitFor();
    await shot('01-sign-in');
    await page.getByRole('button', { name: /enter/i }).click();
    await page
      .getByRole('heading', { name: /Readiness Demo Catalog/ })
      .waitFor();
    await page.getByText('RAG API', { exact: true }).first().waitFor();
    await shot('02-catalog');
  });

  await step(
    'catalog list: a readiness column and a readiness filter',
    async () => {
      // A portal just started shows "Not evaluated yet" until its first evaluation run (readiness.evaluation
      // .initialDelay): reload until the next gate is there.
      const chip = page
        .getByRole('row')
        .filter({ hasText: 'RAG API' })
        .getByTestId('catalog-readiness');
      const deadline = Date.now() + 120_000;
      for (;;) {
        await chip.waitFor();
        if ((await chip.innerText()) === 'Backend verified (sprint 2)') break;
        if (Date.now() > deadline)
          throw new Error(`readiness column: ${await chip.innerText()}`);
        await page.waitForTimeout(5000);
        await page.reload();
      }
      await page.getByRole('checkbox', { name: 'Ready', exact: true }).check();
      await page.getByText('All Components (0)').waitFor();
      await page
        .getByRole('checkbox', { name: 'Ready', exact: true })
        .uncheck();
      await page.getByRole('checkbox', { name: 'Not ready' }).check();
      await page.getByText('All Components (4)').waitFor();
      await shot('02b-catalog-not-ready');
      await page.getByRole('checkbox', { name: 'Not ready' }).uncheck();
    },
  );

  await step('rag-api entity page shows its title and owner', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rag-api`);
    await page.getByRole('heading', { name: 'RAG API' }).first().waitFor();
    // The About card's Owner field links to the owning group, shown by its title.
    await page
      .getByRole('heading', { name: 'Owner', exact: true })
      .first()
      .waitFor();
    // (It shows the ref until the catalog's presentation API has resolved the group's title.)
    await page
      .locator('a[href$="/catalog/default/group/rag-team"]', {
        hasText: 'RAG Team',
      })
      .first()
      .waitFor();
    await page.getByText('OIDC authentication').first().waitFor();
    await shot('03-rag-api');
  });

  await step(
    'rag-platform system page shows its components and dependency graph',
    async () => {
      await page.goto(`${appUrl}/catalog/default/system/rag-platform`);
      await page
        .getByRole('heading', { name: 'RAG platform' })
        .first()
        .waitFor();
      for (const title of [
        'RAG API',
        'RAG Web',
        'RAG Retriever',
        'RAG Ingestion',
      ]) {
        await page.getByRole('link', { name: title }).first().waitFor();
      }
      // The catalog graph draws each related entity as a node in an SVG.
      await page.locator('svg [data-testid="node"]').first().waitFor();
      await shot('04-rag-platform');
      await page.getByRole('tab', { name: 'Diagram' }).click();
      await page.locator('svg [data-testid="node"]').nth(8).waitFor();
      await shot('05-rag-platform-diagram');
    },
  );

  await step(
    'scorecard tab runs the tech-insights checks for rag-api',
    async () => {
      await page.goto(`${appUrl}/catalog/default/component/rag-api/scorecard`);
      await page.getByText('Owned by a group').waitFor();
      await page.getByText(/\d+ of \d+ checks passed/).waitFor();
      await shot('06-rag-api-scorecard');
    },
  );
  await step(
    'readiness: the demo reproduces the seed (rag-api blocked by OIDC login), and the CI gate says so',
    async () => {
      const res = await fetch(
        `${backendUrl}/api/readiness/scorecards/component/default/rag-api`,
        {
          headers: { Authorization: `Bearer ${ciToken}` },
        },
      );
      if (res.status !== 200)
        throw new Error(
          `scorecard answered ${res.status}: ${await res.text()}`,
        );
      const card = await res.json();
      const rag = card.evaluations.find(
        e => e.trackId === 'rag-production-readiness',
      );
      if (
        rag.summary.nextGate !== 'backend-verified' ||
        rag.summary.blockers[0]?.checkId !== 'oidc-login'
      ) {
        throw new Error(`unexpected summary ${JSON.stringify(rag.summary)}`);
      }
      const gate = spawnSync(
        process.execPath,
        [
          'plugins/readiness-common/bin/readiness-gate.js',
          '--entity',
          'component:default/rag-api',
          '--track',
          'rag-production-readiness',
          '--gate',
          'deployment-prepared',
        ],
        {
          env: {
            ...process.env,
            READINESS_BASE_URL: backendUrl,
            READINESS_TOKEN: ciToken,
          },
          encoding: 'utf8',
        },
      );
      // The CLI speaks in titles and sentences: no JSON, fact ids or refs.
      if (
        gate.status !== 1 ||
        !gate.stdout.includes(
          '  - OIDC login works end to end: 3 of 3 tests failed',
        ) ||
        /[{}"]|evidence\.|component:default/.test(gate.stdout)
      ) {
        throw new Error(
          `readiness-gate exited ${gate.status}: ${gate.stdout}${gate.stderr}`,
        );
      }
      console.log(
        gate.stdout
          .split('\n')
          .map(l => `      ${l}`)
          .join('\n'),
      );
    },
  );
  await step(
    'operations: rag-api has its runbooks and on-call rota, read from the demo catalog files',
    async () => {
      const get = async url => {
        const res = await fetch(`${backendUrl}/api/readiness${url}`, {
          headers: { Authorization: `Bearer ${ciToken}` },
        });
        if (res.status !== 200)
          throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
        return res.json();
      };
      const runbooks = await get('/runbooks/component/default/rag-api');
      const titles = runbooks.runbooks
        .filter(r => r.status === 'ok')
        .map(r => r.metadata.title);
      if (!titles.includes('OIDC login outage') || titles.length !== 3)
        throw new Error(
          `unexpected runbooks ${JSON.stringify(runbooks.runbooks)}`,
        );
      const byAlert = await get('/runbooks/by-alert/OidcLoginFailures');
      if (byAlert.items[0]?.entityRef !== 'component:default/rag-api')
        throw new Error(`unexpected by-alert ${JSON.stringify(byAlert)}`);
      const oncall = await get('/oncall/component/default/rag-api');
      if (
        !oncall.configured ||
        oncall.levels.length !== 3 ||
        !(oncall.uncoveredHours14d > 0)
      ) {
        throw new Error(`unexpected on-call ${JSON.stringify(oncall)}`);
      }
      console.log(
        `      runbooks: ${titles.join(', ')}; on-call levels: ${
          oncall.levels.length
        }; uncovered in 14 days: ${oncall.uncoveredHours14d} h`,
      );
    },
  );
  await step(
    'readiness card: rag-api is blocked by the OIDC login test, with the evidence',
    async () => {
      await page.goto(`${appUrl}/catalog/default/component/rag-api`);
      const cause = page.getByTestId('readiness-root-cause').first();
      await cause.waitFor();
      const text = await cause.innerText();
      if (
        !/^Blocked by Backend verified \(sprint 2\): OIDC login works end to end — failing/.test(
          text,
        )
      )
        throw new Error(`root cause says: ${text}`);
      await page
        .getByText('On call now')
        .or(page.getByText('On call now: nobody'))
        .first()
        .waitFor();
      await shot('07-rag-api-overview');
    },
  );

  await step(
    'readiness tab: the gate graph, then a manual check attested as guest passes after a reload',
    async () => {
      await page.goto(`${appUrl}/catalog/default/component/rag-api/readiness`);
      await page.getByTestId('gate-node-backend-verified').waitFor();
      const status = await page
        .getByTestId('gate-node-backend-verified')
        .getAttribute('data-status');
      if (status !== 'failed') throw new Error(`backend-verified is ${status}`);
      // Production-scoped: rag-platform has no production environment recorded yet, so the gate does not apply.
      const production = await page
        .getByTestId('gate-node-production-verified')
        .getAttribute('data-status');
      if (production !== 'not-applicable')
        throw new Error(`production-verified is ${production}`);
      await page
        .getByTestId('gate-scope-production-verified')
        .getByText('production only')
        .waitFor();
      // The answer above the graph, and the path from the root cause to the gate asked about drawn apart.
      const headline = await page.getByTestId('ship-headline').innerText();
      if (
        !headline.startsWith(
          "Can't ship: RAG API is blocked at Deployment prepared (sprint 7) by OIDC login works end to end",
        )
      )
        throw new Error(`headline: ${headline}`);
      for (const [id, expected] of [
        ['backend-verified', 'true'],
        ['refined', 'true'],
        ['deployment-prepared', 'true'],
        ['production-verified', 'false'],
      ]) {
        const onPath = await page
          .getByTestId(`gate-node-${id}`)
          .getAttribute('data-on-path');
        if (onPath !== expected)
          throw new Error(`${id} on the blocking path: ${onPath}`);
      }
      if (
        (await page
          .getByTestId('gate-edge-backend-verified-deployment-prepared')
          .count()) > 0
      )
        throw new Error('a transitive edge is drawn');
      // What was found, in words.
      await page
        .getByTestId('check-backend-verified-oidc-login')
        .getByText(
          /^3 of 3 tests failed \(invalid_client: .*\), \d+ days? ago; expected all to pass\.$/,
        )
        .waitFor();
      await expectWordsOnly(page, 'the readiness tab');
      await shot('08-rag-api-readiness');
      await attestIncidentDrill(
        page,
        'Drill run against staging on the OIDC outage runbook',
        /attested by/,
      );
      await shot('09-rag-api-attested');
    },
  );

  await step(
    'system readiness: the component × gate matrix of rag-platform',
    async () => {
      await page.goto(
        `${appUrl}/catalog/default/system/rag-platform/readiness`,
      );
      // The four components are at the same point: one row naming all four, and no "weakest" among equals.
      const rows = page.locator('[data-testid^="system-row-"]');
      await rows.first().waitFor();
      if ((await rows.count()) !== 1)
        throw new Error(`${await rows.count()} rows in the matrix`);
      for (const title of [
        'RAG API',
        'RAG Web',
        'RAG Retriever',
        'RAG Ingestion',
      ])
        await rows.first().getByRole('link', { name: title }).waitFor();
      await page
        .getByText(
          'All 4 entities are at the same point: 0 of 10 gates passed.',
        )
        .waitFor();
      // The last gate is on screen at 1440 × 900, not cut off.
      const last = await page
        .getByTestId('system-column-production-verified')
        .boundingBox();
      if (!last || last.x + last.width > 1440)
        throw new Error(
          `the last gate's column ends at ${last && last.x + last.width} px`,
        );
      await page
        .getByTestId('system-cause-oidc-login')
        .getByText('OIDC login works end to end')
        .waitFor();
      await expectWordsOnly(page, 'the system readiness tab');
      await shot('10-rag-platform-readiness');
    },
  );

  await step(
    'deployments: one recorded through the API shows in the matrix',
    async () => {
      // The demo's history first: dev runs rag-api's newest candidate, staging's attempt of it failed and staging
      // still runs 1.3.0.
      await page.goto(
        `${appUrl}/catalog/default/component/rag-api/deployments`,
      );
      // Versions link to their pipeline.
      const version = /^1\.5\.0-rc\.2\b/;
      await page
        .getByTestId('env-rag-dev')
        .getByRole('link', { name: version })
        .waitFor();
      const staging = page.getByTestId('env-rag-staging');
      await staging.getByRole('link', { name: version }).waitFor();
      await staging.getByText('Failed', { exact: true }).waitFor();
      await staging.getByText(/^1\.3\.0, \d+ days ago$/).waitFor();
      await shot('11-rag-api-deployments-seeded');
      const pushed = `1.5.${Date.now() % 100000}`;
      await postReadiness('/deployments', {
        entityRef: 'component:default/rag-api',
        environment: 'rag-staging',
        version: pushed,
        status: 'succeeded',
        commitSha: '3f9c2ab',
        url: 'https://ci.example.com/rag/rag-api/-/pipelines/1600',
      });
      await page.goto(
        `${appUrl}/catalog/default/component/rag-api/deployments`,
      );
      await page
        .getByTestId('env-rag-staging')
        .getByRole('link', { name: pushed })
        .waitFor();
      await shot('11-rag-api-deployments');
    },
  );

  await step('runbooks: open the disaster recovery runbook', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rag-api/runbooks`);
    await page.getByTestId('runbook-runbooks/disaster-recovery.md').click();
    await page.getByRole('heading', { name: 'Restore PostgreSQL' }).waitFor();
    await shot('12-rag-api-runbooks');
  });

  await step(
    "the portal's own readiness: every alert has a runbook, on-call around the clock, CI not yet measured",
    async () => {
      await page.goto(
        `${appUrl}/catalog/default/component/readiness-portal/runbooks`,
      );
      await page.getByText('4 linked from readiness.io/runbooks').waitFor();
      await page.getByText('Readiness database unreachable').first().waitFor();
      if ((await page.getByText('front matter invalid').count()) > 0)
        throw new Error('a runbook of the portal has invalid front matter');
      await page.goto(`${appUrl}/catalog/default/component/readiness-portal`);
      // Operable passes (alerts, runbooks, on-call read from the repository's own files); Tested waits for CI.
      const card = page
        .locator('div')
        .filter({ has: page.getByText('Readiness portal in production') })
        .filter({ has: page.getByText(/^Next gate: /) })
        .last();
      await card.getByText('1 of 3 gates passed').waitFor();
      await card.getByText(/Blocked by Tested: CI green on main/).waitFor();
      await expectWordsOnly(page, "the portal's own overview");
      await shot('12b-readiness-portal-overview');
    },
  );

  await step('on-call: escalate to level 2 with a reason', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rag-api`);
    // Who is on call now and the next hand-off: two different people (or nobody now, at night).
    const next = await page
      .getByTestId('oncall-Next hand-off')
      .locator('h6')
      .innerText();
    const now = page.getByTestId('oncall-On call now').locator('h6');
    if ((await now.count()) > 0 && (await now.innerText()) === next)
      throw new Error(`the next hand-off repeats who is on call now: ${next}`);
    await page.getByRole('button', { name: 'Escalate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel(/Reason/)
      .fill('OIDC login fails for everyone (e2e)');
    await dialog.getByLabel('Level').click();
    await page.getByRole('option', { name: /Level 2/ }).click();
    await dialog.getByRole('button', { name: 'Escalate' }).click();
    await page.getByText(/Escalated to level 2\. Notified /).waitFor();
    await expectWordsOnly(page, "rag-api's overview after escalating");
    await shot('13-rag-api-escalated');
  });

  await step(
    'readiness page: every entity by track, with the top root causes',
    async () => {
      await page.goto(`${appUrl}/readiness`);
      // Entities counted once (four RAG services with two tracks each, and the portal itself), and per team.
      await page.getByText(/^\d+ of 5 entities not ready$/).waitFor();
      await page.getByText('By team').waitFor();
      await page.getByTestId('top-root-cause').first().waitFor();
      await expectWordsOnly(page, 'the Readiness page');
      await shot('14-readiness-page');
    },
  );
  await step(
    'self-service: provision a new environment with the rag-environment template, in the browser',
    async () => {
      const name = `rag-e2e-${Date.now().toString(36)}`;
      await page.goto(`${appUrl}/create`);
      // The innermost element holding both the template's title and a Choose button is its card.
      const card = page
        .locator('div')
        .filter({
          has: page.getByText('Provision a new environment for a system', {
            exact: true,
          }),
        })
        .filter({ has: page.getByRole('button', { name: 'Choose' }) })
        .last();
      await card.waitFor();
      await shot('15-create');
      await card.getByRole('button', { name: 'Choose' }).click();
      // The name is checked live: an existing environment is refused, a new one is free.
      await page.getByLabel(/^Name/).fill('rag-staging');
      await page
        .getByText(
          'rag-staging is taken: the catalog already has it (owned by rag-team)',
        )
        .waitFor();
      await page.getByLabel(/^Name/).fill(name);
      await page.getByText(`${name} is free`).waitFor();
      // Production is refused on this first step, with the reason: the system has not passed its gate.
      await page
        .getByTestId('environment-tier-help')
        .getByText(
          /^Production needs Deployment prepared \(sprint 7\) passed by every component of rag-platform/,
        )
        .waitFor();
      if (!(await page.getByLabel('production').isDisabled()))
        throw new Error('production can be chosen');
      await page.getByLabel('staging').check();
      await shot('16-template-form');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      await page
        .getByRole('link', { name: 'The new environment' })
        .waitFor({ timeout: 120_000 });
      await shot('17-template-done');
      await page.getByRole('link', { name: 'The new environment' }).click();
      await page
        .getByRole('heading', { name: new RegExp(name) })
        .first()
        .waitFor();
      await shot('18-new-environment');
      // Recorded with the readiness backend by the guest who ran the template: listed on the system's readiness tab.
      await page.goto(
        `${appUrl}/catalog/default/system/rag-platform/readiness`,
      );
      const recorded = page.getByTestId(`environment-resource:default/${name}`);
      await recorded.getByText('Active').waitFor();
      await recorded.getByText(/by development\/guest/).waitFor();
      await recorded.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(resultsDir, '18b-environment-recorded.png'),
        fullPage: false,
      });
    },
  );

  await step(
    'tech-insights scorecard tab shows the readiness checks',
    async () => {
      // The readiness retriever runs every minute after a 30 s delay; reload until its facts are in.
      const deadline = Date.now() + 150_000;
      for (;;) {
        await page.goto(
          `${appUrl}/catalog/default/component/rag-api/scorecard`,
        );
        await page.getByText('Backend verified').first().waitFor();
        const res = await fetch(
          `${backendUrl}/api/tech-insights/facts/latest?entity=component:default/rag-api&ids[]=readinessFactRetriever`,
          {
            headers: { Authorization: `Bearer ${ciToken}` },
          },
        );
        const facts = res.ok ? await res.json() : {};
        if (facts.readinessFactRetriever) break;
        if (Date.now() > deadline)
          throw new Error(
            `no readiness facts in tech-insights (${res.status})`,
          );
        await page.waitForTimeout(5000);
      }
      await page.reload();
      await page
        .getByText('Nothing blocks the next readiness gate')
        .first()
        .waitFor();
      await shot('19-rag-api-scorecard-readiness');
    },
  );

  // Campaigns: the RAG campaign at risk, OIDC behind every service (the seed's state: before MCP records the fix).
  await campaignSteps(page, step, shot);

  // An AI assistant over MCP: what blocks rag-api, CI records the OIDC fix through the tool, a guest is refused.
  await mcpSteps(step);

  // The README's walk-through, as a developer fixing the seed would do it. It changes the demo's state, so it
  // runs last.
  await step(
    'demo walk-through: push the OIDC fix, see what to push next, push it, watch Backend verified pass',
    async () => {
      const push = (type, value, run) =>
        postReadiness(
          '/evidence',
          {
            entityRef: 'component:default/rag-api',
            type,
            value,
            url: `https://ci.example.com/rag/rag-api/-/pipelines/${run}`,
          },
          [200, 201],
        );
      const steps = () =>
        page.getByTestId('unblock-steps').getByRole('listitem').allInnerTexts();
      const readinessTab = `${appUrl}/catalog/default/component/rag-api/readiness`;

      // 1. The OIDC fix lands: its test passes in CI.
      await push(
        'evidence.tests.oidc-login',
        { status: 'passed', passed: 3, failed: 0 },
        1501,
      );
      await page.goto(readinessTab);
      await page.getByTestId('unblock-steps').waitFor();
      // 2. What to push next: the API suite and the coverage that failed because of it, until CI runs them again.
      const next = await steps();
      if (
        next.length !== 2 ||
        !next[0].startsWith('Backend API test suite passes') ||
        !next[1].startsWith('Backend line coverage at least 70 %')
      )
        throw new Error(`what to push next: ${JSON.stringify(next)}`);
      await page.getByTestId('gate-node-backend-verified').waitFor();
      await shot('20-walkthrough-after-oidc-fix');

      // 3. CI runs them again on the fixed backend.
      await push(
        'evidence.tests.api',
        { status: 'passed', passed: 53, failed: 0 },
        1502,
      );
      await push('evidence.coverage', { lines: 78.4, branches: 61.2 }, 1502);
      await page.goto(readinessTab);
      // 4. Backend verified passes; the gates after it now ask for their own evidence.
      await page
        .locator(
          '[data-testid="gate-node-backend-verified"][data-status="passed"]',
        )
        .waitFor();
      const headline = await page.getByTestId('ship-headline').innerText();
      if (headline.includes('(Backend verified (sprint 2))'))
        throw new Error(`still blocked by Backend verified: ${headline}`);
      await expectWordsOnly(page, 'the readiness tab after the walk-through');
      await shot('21-walkthrough-backend-verified');
    },
  );

  // After the walk-through: Backend verified passes with 78.4 % coverage, so raising the threshold to 80 % bites.
  await playgroundSteps(page, step, shot);

  await step(
    'the browser console has no errors or React warnings from our code',
    async () => {
      const problems = ourConsoleProblems(page);
      if (problems.length > 0)
        throw new Error(
          problems
            .slice(0, 5)
            .map(p => `${p.type} on ${p.url}: ${p.text.slice(0, 400)}`)
            .join('\n'),
        );
    },
  );
});
