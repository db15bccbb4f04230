import { runJsonChild } from './json-child';
import { createRandom } from './random';
import { rows } from './workloads';

/** The default width of the setup-cost network: 1000 inputs, 1000 tanh neurons, one output. */
export const defaultSetupWidth = 1000;

/** The setup-cost network's shape: `width` inputs, one tanh layer of `width`, one output. */
export function setupShape(width: number) {
  return { inputs: width, layers: [width, 1] };
}

/** What the setup-cost process measured. */
export interface SetupCost {
  width: number;
  parameters: number;
  /** `createTrainer` in compiled mode, the first time in the process (trace + compile + runner), ms. */
  setupMs: number;
  /** Tracing one sample's loss again (forward on leaves, the loss): building the graph, ms. */
  traceMs: number;
  /** `compile` of that graph, as `@mg/nn` calls it, ms. */
  compileMs: number;
  /** One epoch of the compiled trainer, ms. */
  epochMs: number;
  /** Peak RSS after `createTrainer` and after one epoch, MB (Node included). */
  peakRssSetupMb: number;
  peakRssEpochMb: number;
  /** V8's heap limit in this process (old space and the rest), MB. */
  heapLimitMb: number;
}

/**
 * Measures what a large network's compiled training costs before its first epoch, in this process
 * (meant to be a fresh one): build the network, collect the garbage its construction left, then
 * time `createTrainer` (what a user pays: tracing one sample's loss, compiling it, setting up the
 * runner), record the peak RSS, run one epoch. Then, separately, trace the loss again and compile
 * it, each timed on its own after collecting the garbage before it (a second time in the process,
 * so warmer than the setup above).
 */
export async function runSetupCost(width: number): Promise<SetupCost> {
  const { compile, Value } = await import('@mg/engine');
  const { MLP, createTrainer, sumSquaredError } = await import('@mg/nn');
  const { getHeapStatistics } = await import('node:v8');
  const shape = setupShape(width);
  const samples = 4;
  const random = createRandom(width);
  const xs = Float64Array.from({ length: samples * width }, () => 2 * random() - 1);
  const dataset = {
    xs: rows(xs, width),
    ys: Array.from({ length: samples }, (_, s) => Math.sin(2 * xs[s * width]!)),
  };
  const mlp = new MLP(shape.inputs, shape.layers, { activation: 'tanh', seed: 7 });
  const parameters = mlp.parameterCount;
  // The network's construction leaves young-generation garbage; it is not the setup's cost.
  globalThis.gc?.();
  const mb = () => process.resourceUsage().maxRSS / 1024;
  let start = performance.now();
  const trainer = createTrainer(mlp, dataset, { learningRate: 0.001, mode: 'compiled' });
  const setupMs = performance.now() - start;
  const peakRssSetupMb = mb();
  start = performance.now();
  trainer.step();
  const epochMs = performance.now() - start;
  const peakRssEpochMb = mb();
  // Each part starts without the previous part's garbage, so each is charged its own work only.
  globalThis.gc?.();
  start = performance.now();
  const x = Array.from({ length: width }, () => new Value(0, 'x'));
  const y = [new Value(0, 'y')];
  let h = x;
  for (const layer of mlp.layers) h = layer.forward(h);
  const loss = sumSquaredError(h, y);
  const traceMs = performance.now() - start;
  globalThis.gc?.();
  start = performance.now();
  compile(loss, { wrt: mlp.parameters(), perSample: [...x, ...y] });
  const compileMs = performance.now() - start;
  return {
    width,
    parameters,
    setupMs,
    traceMs,
    compileMs,
    epochMs,
    peakRssSetupMb,
    peakRssEpochMb,
    heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20,
  };
}

/**
 * Runs {@link runSetupCost} in a fresh `node --expose-gc --import tsx src/setup-cost-entry.ts`
 * process; resolves with its result or its failure (never rejects).
 */
export async function runSetupCostInChild(
  width: number,
): Promise<SetupCost | { width: number; error: string }> {
  const outcome = await runJsonChild<SetupCost>('setup-cost-entry.ts', [String(width)]);
  return outcome.ok ? outcome.result : { width, error: outcome.error };
}
