import type { Page } from 'playwright-core';

/** What went wrong on a page since `watchPage` started watching it. */
export interface PageProblems {
  /** `console.error` messages and uncaught exceptions, in order. */
  readonly errors: string[];
  /** Requests that failed outright or answered with a status of 400 or more. */
  readonly failedRequests: string[];
}

/**
 * Records a page's console errors, uncaught exceptions and failed requests, so a test can assert
 * that a page loaded cleanly: `expect(problems.errors).toEqual([])`.
 */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}
