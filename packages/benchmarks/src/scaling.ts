import { garbageCollectionShares, type TimeWindow, watchGarbageCollection } from './gc-time';
import { runJsonChild } from './json-child';
import { measure } from './measure';
import { initialParameters, parameterCount } from './network';
import { createRandom } from './random';
import { rows } from './workloads';

/** Widths (inputs and both hidden layers) and sample counts of the scaling table. */
export const scalingWidths: readonly number[] = [4, 16, 64, 256];
export const scalingSamples: readonly number[] = [4, 64, 512];
export const scalingModes = ['eager', 'compiled'] as const;

/** A cell of the scaling table: network width × samples, in one mode. */
export interface ScalingCell {
  width: number;
  samples: number;
  mode: (typeof scalingModes)[number];
}

/** What one cell measured. */
export interface ScalingResult extends ScalingCell {
  parameters: number;
  /** Epochs per timed run: enough for ~4M parameter-sample-epochs, at least 1. */
  epochs: number;
  /** `createTrainer` (compiled: the tape's compile; eager: next to nothing), in ms. */
  setupMs: number;
  /** Every timed run's ns per parameter × sample × epoch. */
  nsPerUnit: number[];
  /** Every timed run's share of time in garbage-collection pauses (perf_hooks `gc` entries), 0–1. */
  gcShare: number[];
  peakRssMb: number;
}

/** Parameter-sample-epochs per timed run: ~0.1–0.4 s compiled, at most a few seconds eager. */
const unitsPerRun = 4e6;

/** Every cell, eager and compiled side by side, smallest first. */
export function scalingCells(): ScalingCell[] {
  return scalingWidths.flatMap((width) =>
    scalingSamples.flatMap((samples) => scalingModes.map((mode) => ({ width, samples, mode }))),
  );
}

/**
 * The network of a cell: `width` inputs, two tanh layers of `width`, one output, trained on
 * `samples` synthetic samples (inputs uniform in (−1, 1), target sin(2·x₀)); fan-in init.
 */
export function scalingShape(width: number) {
  return { inputs: width, layers: [width, width, 1] };
}

/**
 * Measures one cell in this process (meant to be a fresh one per cell: its peak RSS is the cell's):
 * the trainer's setup, then one untimed run and three timed runs of `epochs` epochs each, with
 * @mg/nn's `createTrainer` (SGD on the sum of squared errors). A cell whose single epoch is
 * already over twice the units of a run (width 256 with 64 or 512 samples: eager takes seconds
 * per epoch there) gets one untimed and one timed run of one epoch. (It used to get no warm-up;
 * but a cold first epoch is not a small part: eager width 256 × 64 measured 56 ns cold against
 * 31–40 warm, which made a cliff of the JIT's warm-up.) The garbage-collection pauses of each
 * timed run are measured too (`gcShare`).
 */
export async function runScalingCell(cell: ScalingCell): Promise<ScalingResult> {
  const { MLP, createTrainer } = await import('@mg/nn');
  const shape = scalingShape(cell.width);
  const parameters = parameterCount(shape);
  const random = createRandom(cell.width * 1000 + cell.samples);
  const xs = Float64Array.from({ length: cell.samples * cell.width }, () => 2 * random() - 1);
  const dataset = {
    xs: rows(xs, cell.width),
    ys: Array.from({ length: cell.samples }, (_, s) => Math.sin(2 * xs[s * cell.width]!)),
  };
  const epochs = Math.max(1, Math.round(unitsPerRun / (parameters * cell.samples)));
  const mlp = new MLP(cell.width, shape.layers, { activation: 'tanh' });
  mlp.setParameters(initialParameters(shape, 7, 'fan-in'));
  // The SSE over many samples: a step of lr 0.001 / samples keeps it a mean-sized step.
  const options = { learningRate: 0.001 / cell.samples, mode: cell.mode };
  // The network's construction leaves young-generation garbage; it is not the setup's cost.
  globalThis.gc?.();
  const setupStart = performance.now();
  const trainer = createTrainer(mlp, dataset, options);
  const setupMs = performance.now() - setupStart;
  const windows: TimeWindow[] = [];
  const run = () => {
    const start = performance.now();
    for (let e = 0; e < epochs; e++) trainer.step();
    windows.push({ start, end: performance.now() });
  };
  const long = parameters * cell.samples > 2 * unitsPerRun;
  const watch = watchGarbageCollection();
  const runsMs = measure(run, 1, long ? 1 : 3);
  const pauses = await watch.stop();
  return {
    ...cell,
    parameters,
    epochs,
    setupMs,
    nsPerUnit: runsMs.map((ms) => (ms * 1e6) / (epochs * parameters * cell.samples)),
    // The timed runs are the last ones.
    gcShare: garbageCollectionShares(windows.slice(-runsMs.length), pauses),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * Runs one cell in a fresh `node --expose-gc --import tsx src/scaling-entry.ts` process and
 * resolves with its result, or with its failure (never rejects, so one cell does not lose the rest).
 */
export async function runScalingCellInChild(
  cell: ScalingCell,
): Promise<ScalingResult | (ScalingCell & { error: string })> {
  const args = [String(cell.width), String(cell.samples), cell.mode];
  const outcome = await runJsonChild<ScalingResult>('scaling-entry.ts', args);
  return outcome.ok ? outcome.result : { ...cell, error: outcome.error };
}
