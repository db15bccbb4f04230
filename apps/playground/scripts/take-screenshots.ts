// Takes the playground's screenshots from a production build (`pnpm build` first):
// initial, after training, and the graph view, into ./screenshots (the README's image is copied
// from there by hand). Run: pnpm --filter @mg/playground screenshots
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage, serveDirectory, watchPage } from '@mg/browser-testing';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const out = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await serveDirectory(dist);
const browser = await launchChromium();
try {
  const page = await openPage(browser, { viewport: { width: 1440, height: 1000 } });
  const problems = watchPage(page);
  await page.goto(`${server.url}#dataset=xor&activations=identity;sigmoid;tanh;relu;gelu;gaussian`);
  await page.waitForSelector('.boundary canvas');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}initial.png`, fullPage: true });
  await page.click('#play');
  await page.waitForFunction(
    () => Number(document.getElementById('epoch')!.textContent) >= 300,
    null,
    {
      timeout: 120_000,
    },
  );
  await page.click('#play');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}trained.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1080 });
  await page.screenshot({ path: `${out}readme.png` });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.locator('#graph').scrollIntoViewIfNeeded();
  await page.locator('#graph').screenshot({ path: `${out}graph.png` });
  await page.getByRole('button', { name: 'Show the whole graph' }).click();
  await page.locator('#graph').screenshot({ path: `${out}graph-fit.png` });
  console.log(problems);
} finally {
  await browser.close();
  await server.close();
}
