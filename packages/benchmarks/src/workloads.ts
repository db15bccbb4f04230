import { builtins } from '@mg/activations';
import { initialParameters, type NetworkShape } from './network';
import { createRandom } from './random';
import type { ImplementationId } from './results';

/** What a training implementation needs: the network, full-batch data, epochs and SGD rate. */
export interface TrainingProblem {
  readonly shape: NetworkShape;
  readonly samples: number;
  /** Inputs, `samples × shape.inputs`, row by row. */
  readonly xs: Float64Array;
  /** Targets, `samples × outputs`, row by row. */
  readonly ys: Float64Array;
  readonly epochs: number;
  readonly learningRate: number;
}

/** An MLP training workload: one training run per activation, each from its own seeded start. */
export interface MlpWorkload extends TrainingProblem {
  readonly id: 'A' | 'B';
  readonly title: string;
  /** One line for the report: network, data, loss, optimiser. */
  readonly summary: string;
  /** Activation names (keys of @mg/activations' default registry), trained one after another. */
  readonly activations: readonly string[];
  /**
   * Timed repetitions per implementation when `BENCH_REPEATS` is not set: fewer for the slow
   * ones, to keep a whole `pnpm bench` within a few minutes.
   */
  readonly defaultRepeats: Readonly<Record<ImplementationId, number>>;
  /**
   * Untimed runs first. V8 takes several runs to settle on its final code for the tape's and
   * the reference's loops (each run is short), so a short workload gets more of them.
   */
  readonly defaultWarmups: number;
  /** A fresh copy of the initial parameters for the run of `activations[index]`. */
  initialParameters(index: number): Float64Array;
}

/** The eleven built-in activations, in their public order. */
export const allActivations: readonly string[] = builtins.map((activation) => activation.name);

const defaultShape: NetworkShape = { inputs: 3, layers: [10, 5, 4, 1] };

/**
 * Workload A, "the default comparison" (issue 6): the original program's experiment. Eleven
 * activations × 1000 epochs of full-batch SGD (lr 0.001, sum of squared errors) on its four
 * samples, a 3-10-5-4-1 network with the activation on every layer.
 */
export const defaultComparison: MlpWorkload = {
  id: 'A',
  title: 'default comparison',
  summary:
    '3-10-5-4-1, activation on every layer, 11 activations × 1000 epochs, 4 samples, SSE, full-batch SGD lr 0.001, uniform(−1, 1) init',
  shape: defaultShape,
  samples: 4,
  xs: Float64Array.from([2, 3, -1, 3, -1, 0.5, 0.5, 1, 1, 1, 1, -1]),
  ys: Float64Array.from([1, -1, -1, 1]),
  epochs: 1000,
  learningRate: 0.001,
  activations: allActivations,
  defaultRepeats: {
    'hand-written': 7,
    blocked: 7,
    eager: 7,
    compiled: 7,
    tfjs: 3,
    'tfjs-wasm': 3,
  },
  defaultWarmups: 5,
  initialParameters: (index) => initialParameters(defaultShape, 1000 + index, 'unit'),
};

const biggerShape: NetworkShape = { inputs: 64, layers: [128, 128, 1] };
const biggerSamples = 256;

/**
 * Synthetic regression data for workload B: inputs uniform in (−1, 1) from seed 6, target
 * sin(2·x₀)·cos(x₁), a smooth function inside tanh's range.
 */
function biggerData(): { xs: Float64Array; ys: Float64Array } {
  const random = createRandom(6);
  const xs = new Float64Array(biggerSamples * biggerShape.inputs);
  const ys = new Float64Array(biggerSamples);
  for (let s = 0; s < biggerSamples; s++) {
    for (let i = 0; i < biggerShape.inputs; i++) xs[s * biggerShape.inputs + i] = 2 * random() - 1;
    ys[s] = Math.sin(2 * xs[s * biggerShape.inputs]!) * Math.cos(xs[s * biggerShape.inputs + 1]!);
  }
  return { xs, ys };
}

/**
 * Workload B, "bigger MLP" (issue 6): 64-128-128-1 with tanh, 256 samples, 20 epochs of
 * full-batch SGD. The sum of squared errors (as in A) with lr 0.001: over 256 samples that is
 * the mean-squared-error step of lr 0.256, large enough to make progress in 20 epochs, small
 * enough not to oscillate.
 */
export const biggerMlp: MlpWorkload = {
  id: 'B',
  title: 'bigger MLP',
  summary:
    '64-128-128-1, tanh, 256 synthetic samples, 20 epochs, SSE, full-batch SGD lr 0.001, uniform(±1/√fan-in) init',
  shape: biggerShape,
  samples: biggerSamples,
  ...biggerData(),
  epochs: 20,
  learningRate: 0.001,
  activations: ['tanh'],
  defaultRepeats: {
    'hand-written': 3,
    blocked: 3,
    eager: 3,
    compiled: 3,
    tfjs: 3,
    'tfjs-wasm': 3,
  },
  defaultWarmups: 1,
  initialParameters: () => initialParameters(biggerShape, 2000, 'fan-in'),
};

/** Workload C: the length of the chain built and backpropagated in the engine. */
export const chainNodes = 1_000_000;

/** Workload C's timed repetitions when `BENCH_REPEATS` is not set. */
export const chainDefaultRepeats = 3;

/** Rows of a row-major matrix as plain arrays (the shape @mg/nn's `train` takes). */
export function rows(matrix: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < matrix.length; start += width) {
    out.push(Array.from(matrix.subarray(start, start + width)));
  }
  return out;
}
