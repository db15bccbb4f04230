import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeInBrowser,
  launchChromium,
  openPage,
  type StaticServer,
  serveDirectory,
  watchPage,
} from '@mg/browser-testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtinNames } from '../test/fixtures/fake-result';
import { assertBuilt, runCli, timeouts } from '../test/helpers';

/** Where the screenshot goes: `MG_REPORT_SCREENSHOT` if set, else beside the report. */
const screenshotPath = (dir: string) =>
  process.env.MG_REPORT_SCREENSHOT ?? join(dir, 'out', 'report-screenshot.png');

describeInBrowser('report.html in a real Chromium', () => {
  let dir: string;
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let problems: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'mg-compare-report-'));
    // moons: a 2-D dataset, so the report has every section, decision boundaries included.
    const run = runCli(['--dataset', 'moons', '--epochs', '300', '--threads', '1'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Report: ${join('out', 'report.html')}`);
    server = await serveDirectory(join(dir, 'out'));
    browser = await launchChromium();
    page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    problems = watchPage(page);
    await page.goto(`${server.url}report.html`);
    await page.evaluate(
      () => (window as unknown as { mgReport: { ready: Promise<void> } }).mgReport.ready,
    );
  }, timeouts.run);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console error and no failed request (everything is inline)', () => {
    expect(problems).toEqual({ errors: [], failedRequests: [] });
  });

  it('lists the eleven activations in the summary table and in the legend', async () => {
    const rows = await page.locator('#summary tbody tr td:first-child').allTextContents();
    expect([...rows].sort()).toEqual([...builtinNames].sort());
    const legend = await page.locator('#overlay .role-legend-label text').allTextContents();
    expect([...legend].sort()).toEqual([...builtinNames].sort());
    expect(await page.locator('#grid svg').count()).toBe(1);
    expect(await page.locator('#boundaries canvas').count()).toBe(1);
  });

  it('sorts the table by a column, and back', async () => {
    const header = page.locator('#summary th', { hasText: 'activation' });
    await header.click();
    const ascending = await page.locator('#summary tbody tr td:first-child').allTextContents();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await header.click();
    const descending = await page.locator('#summary tbody tr td:first-child').allTextContents();
    expect(descending).toEqual([...ascending].reverse());
  });

  it('shows a tooltip with the activation, epoch and loss when hovering a curve', async () => {
    await page.locator('#overlay').scrollIntoViewIfNeeded();
    // Where tanh's curve is at epoch 150, in viewport pixels, from the chart's own scales.
    const target = await page.evaluate(() => {
      type View = {
        scale(name: string): (value: number) => number;
        origin(): [number, number];
        padding(): { left: number; top: number };
        data(name: string): { activation: string; epoch: number; loss: number }[];
        container(): HTMLElement;
      };
      const view = (window as unknown as { mgReport: { views: { overlay: View } } }).mgReport.views
        .overlay;
      const point = view
        .data('source_0')
        .find((row) => row.activation === 'tanh' && row.epoch === 150)!;
      const box = view.container().querySelector('svg')!.getBoundingClientRect();
      // NOTE: with a fixed size (autosize none) the plot sits inside the padding, beyond the origin.
      const [left, top] = view.origin();
      const padding = view.padding();
      return {
        x: box.left + padding.left + left + view.scale('x')(point.epoch),
        y: box.top + padding.top + top + view.scale('y')(point.loss),
        loss: point.loss,
      };
    });
    await page.mouse.move(target.x - 30, target.y - 30);
    await page.mouse.move(target.x, target.y, { steps: 5 });
    const tooltip = page.locator('#vg-tooltip-element.visible');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.textContent();
    expect(text).toMatch(/activation\s*tanh/);
    const epoch = Number(/epoch\s*(\d+)/.exec(text ?? '')?.[1]);
    expect(Math.abs(epoch - 150)).toBeLessThanOrEqual(3);
    expect(text).toMatch(/loss\s*[0-9.e−-]+/);
  });

  it('isolates a curve when its legend entry is clicked', async () => {
    await page.locator('#overlay .role-legend-label text', { hasText: /^tanh$/ }).click();
    const opacities = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#overlay .mark-line path')).map((path) => [
        /activation: ([^;]+)/.exec(path.getAttribute('aria-label') ?? '')?.[1],
        Number(path.getAttribute('opacity') ?? '1'),
      ]),
    );
    const visible = opacities.filter(([, opacity]) => (opacity as number) > 0.5);
    expect(visible).toEqual([['tanh', 1]]);
    expect(opacities).toHaveLength(11);
    await page.screenshot({ path: screenshotPath(dir), fullPage: true });
  });
});
