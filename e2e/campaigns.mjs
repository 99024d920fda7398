// Campaigns in Chromium, as the platform team and a RAG developer see them: the Campaigns tab lists "RAG platform
// ready for production" at risk; its page shows the burn-up, the OIDC root cause as the blocker behind every RAG
// service, the RAG team at risk and what each service needs; a guest (not the owner) is offered no reminder button
// and the backend refuses one; rag-api's readiness card names the campaign. Expects the seed's state (OIDC login
// failing): the smoke e2e runs it before the README walk-through.
import { appUrl, backendUrl, expectWordsOnly, readAnswer } from './harness.mjs';

const OIDC =
  '“OIDC login works end to end” fails, in Backend verified (sprint 2).';

export async function campaignSteps(page, step, shot) {
  await step(
    'campaigns: the RAG campaign is listed at risk, with its progress and forecast in words',
    async () => {
      await page.goto(`${appUrl}/readiness/campaigns`);
      const row = page
        .getByRole('row')
        .filter({ hasText: 'RAG platform ready for production' });
      await row.waitFor();
      await row.getByText('0 of 4 done').waitFor();
      await row.getByText('At risk').waitFor();
      await row
        .getByRole('cell', { name: '15 January 2027', exact: true })
        .waitFor();
      await row
        .getByText(/at this rate it will not be done by 15 January 2027/)
        .waitFor();
      await expectWordsOnly(page, 'the Campaigns tab');
      await shot('30-campaigns');
    },
  );

  await step(
    'campaign page: burn-up, the OIDC blocker behind all four services, the RAG team at risk',
    async () => {
      await page
        .getByRole('link', { name: 'RAG platform ready for production' })
        .click();
      await page
        .getByRole('heading', { name: 'RAG platform ready for production' })
        .waitFor();
      // The burn-up: recorded weeks drawn as lines (done, in scope), the target date marked. A flat line has no
      // height, so it is attached rather than "visible".
      await page
        .locator('.recharts-line-curve')
        .nth(1)
        .waitFor({ state: 'attached' });
      await page.getByText('Target date', { exact: true }).waitFor();
      const blocker = page.getByTestId('campaign-blocker').first();
      if (
        (await blocker.innerText()).replace(/\s+/g, ' ') !==
        `${OIDC} 4 entities`
      )
        throw new Error(`top blocker: ${await blocker.innerText()}`);
      const team = page.getByRole('row').filter({ hasText: 'RAG Team' });
      await team.getByText('At risk').waitFor();
      for (const service of [
        'RAG API',
        'RAG Web',
        'RAG Retriever',
        'RAG Ingestion',
      ]) {
        const row = page.getByRole('row').filter({
          has: page.getByRole('link', { name: service, exact: true }),
        });
        await row.getByText('Not done', { exact: true }).waitFor();
        await row.getByText(OIDC).waitFor();
      }
      await expectWordsOnly(page, 'the campaign page');
      // The whole page in one picture (the app scrolls inside its own frame, not the document).
      await page.setViewportSize({ width: 1440, height: 2100 });
      await shot('31-campaign');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  );

  await step(
    'campaign page: a guest is not the owner, so no reminder button, and the backend refuses a nudge',
    async () => {
      await page.getByRole('button', { name: 'Exempt…' }).first().waitFor();
      if (
        await page
          .getByRole('button', { name: 'Remind the teams behind' })
          .count()
      )
        throw new Error('a guest is offered the nudge');
      // The guest's own token, as the sign-in page gets it.
      const session = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const { backstageIdentity } = await session.json();
      const { status, body } = await readAnswer(
        await fetch(
          `${backendUrl}/api/readiness/campaigns/rag-ready-for-production/nudge`,
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${backstageIdentity.token}` },
          },
        ),
      );
      if (
        status !== 403 ||
        body?.error?.message !==
          "Only the owner of the campaign 'RAG platform ready for production' (platform-team) may remind the teams behind"
      )
        throw new Error(`nudge as a guest: ${status} ${JSON.stringify(body)}`);
    },
  );

  await step(
    "rag-api's readiness card names the campaign it is part of",
    async () => {
      await page.goto(`${appUrl}/catalog/default/component/rag-api`);
      const section = page.getByTestId('readiness-campaigns');
      await section
        .getByRole('link', { name: 'RAG platform ready for production' })
        .waitFor();
      await section
        .getByText('due 15 January 2027', { exact: false })
        .waitFor();
      await section.getByText(`Needs: ${OIDC}`).waitFor();
      await section.scrollIntoViewIfNeeded();
      await shot('32-rag-api-campaign');
    },
  );
}
