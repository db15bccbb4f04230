import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  launchChromium,
  openPage,
  type StaticServer,
  serveDirectory,
  watchPage,
} from '../src/index';

describeInBrowser('the browser-test set-up, in a real Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mg-browser-testing-'));
    writeFileSync(
      join(folder, 'index.html'),
      '<!doctype html><link rel="icon" href="data:,"><title>clean</title><p id="p">hi</p>',
    );
    writeFileSync(
      join(folder, 'broken.html'),
      '<!doctype html><title>broken</title><script src="missing.js"></script>' +
        '<script>console.error("something broke"); throw new Error("boom")</script>',
    );
    server = await serveDirectory(folder);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves a folder and sees a clean page as clean', async () => {
    const page = await openPage(browser);
    const problems = watchPage(page);
    await page.goto(server.url);
    expect(await page.textContent('#p')).toBe('hi');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('records console errors, uncaught exceptions and failed requests', async () => {
    const page = await openPage(browser);
    const problems = watchPage(page);
    await page.goto(`${server.url}broken.html`);
    await page.waitForLoadState('load');
    expect(problems.errors).toContain('something broke');
    expect(problems.errors).toContain('uncaught: boom');
    expect(problems.failedRequests.some((entry) => entry.includes('missing.js: HTTP 404'))).toBe(
      true,
    );
    await page.close();
  });
});
