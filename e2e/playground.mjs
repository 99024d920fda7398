// The Track playground in Chromium, as a platform engineer uses it: raise the RAG track's coverage threshold to 80 %
// by editing the YAML, see which services newly fail (in words, with the entities behind them), then make a typo
// and see the error at its line. Expects Backend verified to pass for rag-api with coverage between 70 and 80 %
// (the smoke e2e runs it after the README walk-through, which pushes 78.4 %).
import { readFileSync } from 'node:fs';
import { appUrl, expectWordsOnly } from './harness.mjs';

const ragTrack = readFileSync(
  new URL(
    '../examples/readiness/rag-production-readiness.yaml',
    import.meta.url,
  ),
  'utf8',
);

/** Replaces the first `find` in the editor with `replace`, through the editor's own search panel (Ctrl+F). */
async function replaceInEditor(page, find, replace) {
  await page.locator('.cm-line').first().click();
  await page.keyboard.press('Control+f');
  const search = page.locator('.cm-search input[name="search"]');
  await search.waitFor();
  // Typed, not filled: the search panel reads its query on key events.
  await search.pressSequentially(find);
  await search.press('Enter');
  await page.keyboard.press('Escape');
  // The match is selected; typing replaces it, as it would for a person.
  await page.keyboard.type(replace);
}

/** The sentences of the preview, once it has settled. */
async function previewWords(page) {
  await page.getByTestId('preview-pending').waitFor({ state: 'detached' });
  return {
    headline: await page.getByTestId('preview-headline').innerText(),
    impacts: await page.getByTestId('preview-impact').allInnerTexts(),
  };
}

export async function playgroundSteps(page, step, shot) {
  await step(
    'track playground: raising the coverage threshold to 80 % newly fails Backend verified, in words',
    async () => {
      await page.goto(`${appUrl}/readiness/playground`);
      await page.locator('.cm-content').waitFor();
      const unchanged = await previewWords(page);
      if (!/changes no status of the \d+ services/.test(unchanged.headline))
        throw new Error(`before any edit: ${unchanged.headline}`);

      await replaceInEditor(page, 'least 70 %', 'least 80 %');
      await replaceInEditor(page, 'value: 70 }', 'value: 80 }');
      await page
        .getByTestId('preview-headline')
        .getByText(/changes the statuses of/)
        .waitFor();
      // Owners by their display names, once the catalog has told them.
      await page
        .getByTestId('preview-impact')
        .filter({ hasText: 'RAG Team' })
        .first()
        .waitFor();
      const { headline, impacts } = await previewWords(page);
      if (
        !/^Compared with the current track, RAG production readiness changes the statuses of \d+ services of \d+: \d+ gates newly fail/.test(
          headline,
        )
      )
        throw new Error(`headline: ${headline}`);
      const coverage = impacts.find(i =>
        /^\d+ services newly fail “Backend line coverage at least 80 %” \(RAG Team \d+\)\.$/.test(
          i,
        ),
      );
      if (!coverage)
        throw new Error(`no coverage sentence in ${JSON.stringify(impacts)}`);

      // The entities behind the sentence, one click away: rag-api's Backend verified goes from passing to failing.
      await page.getByRole('button', { name: coverage }).click();
      const row = page.getByRole('row').filter({ hasText: 'RAG API' });
      await row.waitFor();
      const text = await row.innerText();
      if (!text.includes('Backend verified (sprint 2): passes → fails'))
        throw new Error(`rag-api's row: ${text}`);
      if (!text.includes('Backend line coverage at least 80 %: pass → fail'))
        throw new Error(`rag-api's checks: ${text}`);
      await expectWordsOnly(page, 'the track playground', '.cm-editor');
      // Tall enough for the table beside the editor (the page scrolls inside Backstage's layout).
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 1440, height: 1300 });
      await shot('22-playground-coverage-80');
      await page.setViewportSize(viewport);
    },
  );

  await step(
    'track playground: a typo in dependsOn shows the error at its line',
    async () => {
      await replaceInEditor(
        page,
        'dependsOn: [backend-verified]',
        'dependsOn: [backend-verifed]',
      );
      const problem = page.getByTestId('preview-problem');
      await problem.first().waitFor();
      const line =
        ragTrack
          .split('\n')
          .findIndex(l => l.includes('dependsOn: [backend-verified]')) + 1;
      const said = await problem.allInnerTexts();
      if (
        said.length !== 1 ||
        said[0] !==
          `Line ${line}: spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'`
      )
        throw new Error(`problems: ${JSON.stringify(said)}`);
      // Inline: the line is underlined and marked in the gutter.
      await page
        .locator('.cm-lintRange-error')
        .filter({ hasText: 'backend-verifed' })
        .waitFor();
      await page.locator('.cm-lint-marker-error').first().waitFor();
      await shot('23-playground-typo');
      // Undo all edits: back to the loaded track, nothing changes.
      await page.getByRole('button', { name: 'Undo all edits' }).click();
      const back = await previewWords(page);
      if (!/changes no status/.test(back.headline))
        throw new Error(`after undo: ${back.headline}`);
    },
  );
}
