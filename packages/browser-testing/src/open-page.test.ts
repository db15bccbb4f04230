import type { Browser, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { browserStepTimeout, openPage } from './open-page';

describe('openPage', () => {
  it("passes the options on and sets every step's time-out to browserStepTimeout", async () => {
    const page = { setDefaultTimeout: vi.fn() };
    const browser = { newPage: vi.fn(async () => page) };
    const options = { viewport: { width: 800, height: 600 } };
    const opened = await openPage(browser as unknown as Browser, options);
    expect(opened).toBe(page as unknown as Page);
    expect(browser.newPage).toHaveBeenCalledWith(options);
    expect(page.setDefaultTimeout).toHaveBeenCalledWith(browserStepTimeout);
  });

  it('waits longer than Playwright’s 30 s but gives up before the 120 s test time-out', () => {
    expect(browserStepTimeout).toBeGreaterThan(30_000);
    expect(browserStepTimeout).toBeLessThan(120_000);
  });
});
