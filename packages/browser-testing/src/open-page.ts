import type { Browser, Page } from 'playwright-core';

/**
 * How long one Playwright step (a navigation, a click, a wait) may take before it fails.
 * Playwright's own default, 30 s, is a wall-time assertion in disguise: CI's set-up of the report
 * test (a 1.8 MB page of inline script and eleven charts, loaded while seven other test tasks run
 * on two cores) failed under it once, on a machine about three times slower than ours. This
 * catches only a hang, and stays below the tests' own 120 s so Playwright's message, which names
 * the step that hung, is the one that shows.
 */
export const browserStepTimeout = 100_000;

/** A new page whose steps wait up to `browserStepTimeout`; options as `browser.newPage` takes them. */
export async function openPage(
  browser: Browser,
  options?: Parameters<Browser['newPage']>[0],
): Promise<Page> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(browserStepTimeout);
  return page;
}
