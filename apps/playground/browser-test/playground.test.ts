import { fileURLToPath } from 'node:url';
import {
  describeInBrowser,
  launchChromium,
  openPage,
  type StaticServer,
  serveDirectory,
  watchPage,
} from '@mg/browser-testing';
import { Value } from '@mg/engine';
import { MLP } from '@mg/nn';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatNumber } from '../src/colour-scale';
import { makePoints } from '../src/plane-data';
import { parseHash, toHash } from '../src/state';

// The production build (turbo builds it before this task): the same files a static host serves.
const dist = fileURLToPath(new URL('../dist', import.meta.url));

describeInBrowser('the playground in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDirectory(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page at a hash and waits for the first snapshot to be drawn. */
  async function open(hash = ''): Promise<{ page: Page; problems: ReturnType<typeof watchPage> }> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('.boundary[data-train-loss]');
    return { page, problems };
  }

  const epochOf = async (page: Page) => Number(await page.textContent('#epoch'));
  const lossOf = async (page: Page, activation: string) =>
    Number(
      await page.getAttribute(`.boundary[data-activation="${activation}"]`, 'data-train-loss'),
    );
  const waitForEpoch = (page: Page, atLeast: number) =>
    page.waitForFunction(
      (n) => Number(document.getElementById('epoch')!.textContent) >= n,
      atLeast,
    );

  it('loads with no console error or failed request, at epoch 0 with every default view', async () => {
    const { page, problems } = await open();
    expect(await epochOf(page)).toBe(0);
    expect(await page.locator('.boundary').count()).toBe(4);
    expect(await page.locator('.neuron-box').count()).toBe(2 + 8 + 8 + 1);
    expect(await page.locator('.graph-node').count()).toBeGreaterThan(100);
    expect(Number.isFinite(await lossOf(page, 'tanh'))).toBe(true);
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });

  it('trains on play: the epoch counter and the losses change; on xor tanh learns within 400 epochs', async () => {
    const { page, problems } = await open('#dataset=xor&activations=tanh;relu&speed=2');
    const before = await lossOf(page, 'tanh');
    await page.click('#play');
    await waitForEpoch(page, 200);
    await page.click('#play');
    // Paused, and the pictures (with their loss captions) show the last epoch.
    await page.waitForFunction(
      () =>
        document.getElementById('rate')!.textContent === 'paused' &&
        document.querySelector<HTMLElement>('.boundary-grid')!.dataset.epoch ===
          document.getElementById('epoch')!.textContent,
    );
    const epochs = await epochOf(page);
    const after = await lossOf(page, 'tanh');
    expect(epochs).toBeGreaterThanOrEqual(200);
    // Counted, not timed: one request asks for at most 16 epochs at speed 2.
    expect(epochs).toBeLessThanOrEqual(400);
    expect(after).toBeLessThan(before / 10);
    expect(after).toBeLessThan(0.05);
    expect(await lossOf(page, 'relu')).not.toBe(before);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('steps exactly one epoch per click', async () => {
    const { page } = await open('#dataset=moons&activations=tanh');
    for (const expected of [1, 2, 3]) {
      await page.click('#step');
      await waitForEpoch(page, expected);
      expect(await epochOf(page)).toBe(expected);
    }
    await page.close();
  });

  it('adds a point of the chosen class where the plane is clicked, and selects it', async () => {
    const { page } = await open('#dataset=gaussians&activations=tanh&addLabel=-1');
    const canvas = page.locator('.boundary canvas').first();
    const box = (await canvas.boundingBox())!;
    // The top-left corner: far from both blobs, so the click hits no point.
    await page.mouse.click(box.x + 10, box.y + 10);
    await page.waitForFunction(() => location.hash.includes('selected=a0'));
    const { state } = parseHash(await page.evaluate(() => location.hash));
    expect(state.added).toHaveLength(1);
    expect(state.added[0]!.label).toBe(-1);
    expect(state.selected).toBe('a0');
    await page.close();
  });

  it('restores a configuration from the URL, and keeps it over a reload', async () => {
    const hash =
      '#dataset=circles&noise=0.2&points=80&layers=4,3&activations=tanh;relu&output=identity' +
      '&learningRate=0.1&optimizer=sgd&seed=5&focus=relu&speed=3';
    const { page, problems } = await open(hash);
    const check = async () => {
      expect(await page.inputValue('#dataset')).toBe('circles');
      expect(await page.inputValue('#layers')).toBe('4,3');
      expect(await page.inputValue('#learningRate')).toBe('0.1');
      expect(await page.inputValue('#optimizer')).toBe('sgd');
      expect(await page.isChecked('#activation-relu')).toBe(true);
      expect(await page.isChecked('#activation-sigmoid')).toBe(false);
      expect(await page.locator('.boundary').count()).toBe(2);
      expect(await page.textContent('#network-title')).toBe('Network: relu (2-4-3-1)');
      const state = parseHash(await page.evaluate(() => location.hash)).state;
      expect(toHash(state)).toBe(toHash(parseHash(hash).state));
    };
    await check();
    await page.reload();
    await page.waitForSelector('.boundary[data-train-loss]');
    await check();
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it("shows the selected point's graph with the data and grad @mg/engine computes", async () => {
    const hash = '#dataset=xor&points=40&layers=3&activations=tanh&output=tanh&selected=g5';
    const { page } = await open(hash);
    for (const expected of [1, 2, 3]) {
      await page.click('#step');
      await waitForEpoch(page, expected);
    }
    // The graph and the parameters come from the same snapshot.
    const numbers = await page.evaluate(() => {
      const node = (label: string) => {
        const g = document.querySelector<SVGGElement>(`.graph-node[data-label="${label}"]`)!;
        return { data: Number(g.dataset.data), grad: Number(g.dataset.grad) };
      };
      return {
        parameters: JSON.parse(document.getElementById('parameters')!.textContent!) as number[],
        loss: node('loss (ŷ − y)²'),
        weight: node('w L1N2.1'),
        hidden: node('tanh L1N3'),
      };
    });
    const state = parseHash(hash).state;
    const point = makePoints(state).find((p) => p.id === 'g5')!;
    const net = new MLP(2, [3, 1], { activation: 'tanh', outputActivation: 'tanh' });
    net.setParameters(numbers.parameters);
    const [out] = net.forward([point.x, point.y]);
    const loss = out!.sub(new Value(point.label)).pow(2);
    loss.backward();
    const w = net.layers[0]!.neurons[1]!.w[0]!;
    expect(numbers.loss.data).toBeCloseTo(loss.data, 12);
    expect(numbers.loss.grad).toBe(1);
    expect(numbers.weight.data).toBe(w.data);
    expect(numbers.weight.grad).toBeCloseTo(w.grad, 12);
    expect(numbers.weight.grad).not.toBe(0);
    // The page's text shows the same numbers, rounded.
    const text = await page.textContent('.graph-node[data-label="loss (ŷ − y)²"]');
    expect(text).toContain(`data ${Number(loss.data.toPrecision(4))}`);
    // Hovering the network's neuron shows the graph's numbers for that neuron.
    await page.hover('.neuron-box[aria-label="neuron L1N3"]');
    const tip = await page.textContent('.neuron-tip.shown');
    const hidden = net.layers[0]!.neurons[2]!.forward([point.x, point.y].map((v) => new Value(v)));
    expect(numbers.hidden.data).toBeCloseTo(hidden.data, 12);
    expect(tip).toBe(
      `L1N3 at point g5: value ${formatNumber(numbers.hidden.data)}, gradient ${formatNumber(numbers.hidden.grad)}`,
    );
    await page.close();
  });
});
