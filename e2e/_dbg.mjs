import { runE2e, signInAsGuest, appUrl } from './harness.mjs';
async function rep(page, find, replace) {
  await page.locator('.cm-line').first().click();
  await page.keyboard.press('Control+f');
  const search = page.locator('.cm-search input[name="search"]');
  await search.waitFor();
  await search.pressSequentially(find);
  await search.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.type(replace);
}
await runE2e('dbg', async (page, step, shot) => {
  await step('sign in', () => signInAsGuest(page));
  await step('dbg', async () => {
    await page.goto(`${appUrl}/readiness/playground`);
    await page.locator('.cm-content').waitFor();
    await page.getByTestId('preview-headline').waitFor();
    await rep(page, 'least 70 %', 'least 80 %');
    await shot('dbg1');
    await rep(page, 'value: 70 }', 'value: 80 }');
    await shot('dbg2');
    await page.waitForTimeout(3000);
    await shot('dbg3');
  });
});
