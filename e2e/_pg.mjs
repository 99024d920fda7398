import { runE2e, signInAsGuest } from './harness.mjs';
import { playgroundSteps } from './playground.mjs';
await runE2e('playground', async (page, step, shot) => {
  await step('sign in', () => signInAsGuest(page));
  await playgroundSteps(page, step, shot);
});
