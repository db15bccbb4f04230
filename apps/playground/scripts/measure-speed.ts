// Measures the playground in Chromium (a production build; turbo builds it first), the issue's
// case: six activations training 2-8-8-1 on 200 points. Reports epochs per second per activation,
// frames per second, main-thread long tasks (Long Tasks API, wall time), the worker's time per
// answer, and from a trace the longest task's wall and thread time. Measures only; nothing is
// asserted. Run: pnpm --filter @mg/playground bench
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage, serveDirectory } from '@mg/browser-testing';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const seconds = Number(process.env.MEASURE_SECONDS ?? 10);
// Speed 0: the page idle (paused), the baseline of what this machine gives any page right now.
const speeds = (process.env.MEASURE_SPEEDS ?? '0,1,2,4').split(',').map(Number);
const activations = 'identity;sigmoid;tanh;relu;gelu;gaussian';

const server = await serveDirectory(dist);
const browser = await launchChromium();
try {
  for (const speed of speeds) {
    const page = await openPage(browser, { viewport: { width: 1440, height: 1000 } });
    await page.goto(
      `${server.url}#dataset=moons&points=200&testPercent=30&layers=8,8&activations=${activations}&speed=${Math.max(1, speed)}${process.env.MEASURE_HASH ?? ''}`,
    );
    await page.waitForSelector('.boundary[data-train-loss]');
    // A string, not a function: tsx wraps named functions in a helper the page does not have.
    await page.evaluate(`
      window.stats = { frames: 0, longTasks: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.stats.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      (function count() { window.stats.frames++; requestAnimationFrame(count); })();
    `);
    if (speed > 0) await page.click('#play');
    // Let the first layout and JIT warm-up pass before counting.
    await page.waitForTimeout(2000);
    const start = (await page.evaluate(`({
      time: performance.now(),
      epoch: Number(document.getElementById('epoch').textContent),
      frames: window.stats.frames,
      marks: performance.getEntriesByName('snapshot-received').length,
    })`)) as { time: number; epoch: number; frames: number; marks: number };
    await page.evaluate('window.stats.longTasks = []');
    await page.waitForTimeout(seconds * 1000);
    const end = (await page.evaluate(`({
      time: performance.now(),
      epoch: Number(document.getElementById('epoch').textContent),
      frames: window.stats.frames,
      longTasks: window.stats.longTasks,
      workMs: performance.getEntriesByName('snapshot-received').slice(${start.marks}).map((m) => m.detail.workMs),
      renderMs: performance.getEntriesByName('render').slice(${start.marks}).map((m) => m.duration),
    })`)) as {
      time: number;
      epoch: number;
      frames: number;
      longTasks: number[];
      workMs: number[];
      renderMs: number[];
    };
    // A trace of the main thread: a task's wall time includes the time the OS ran other
    // processes (on a busy machine, most of it); its thread time is the page's own work.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    await page.waitForTimeout(3000);
    const tasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()));
    const elapsed = (end.time - start.time) / 1000;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(
      [
        speed === 0 ? 'idle page (paused):' : `speed ${speed} epochs/frame:`,
        `${((end.epoch - start.epoch) / elapsed).toFixed(1)} epochs/s per activation (6 activations),`,
        `${((end.frames - start.frames) / elapsed).toFixed(1)} frames/s,`,
        `longest main-thread task ${end.longTasks.length === 0 ? 'none over 50' : Math.max(...end.longTasks).toFixed(0)} ms`,
        `(${end.longTasks.length} long tasks),`,
        `worker ${mean(end.workMs).toFixed(1)} ms per answer,`,
        `render ${mean(end.renderMs).toFixed(1)} ms (max ${Math.max(0, ...end.renderMs).toFixed(1)});`,
        `traced 3 s: longest task ${Math.max(0, ...tasks.map((t) => t.wall)).toFixed(0)} ms wall,`,
        `${Math.max(0, ...tasks.map((t) => t.cpu)).toFixed(0)} ms thread time`,
      ].join(' '),
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

/** The renderer main thread's top-level tasks in a Chromium trace: wall and thread time, ms. */
function mainThreadTasks(trace: {
  traceEvents: {
    ph: string;
    name: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  }[];
}): { wall: number; cpu: number }[] {
  const main = trace.traceEvents.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return [];
  return trace.traceEvents
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === main.pid &&
        e.tid === main.tid &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}
