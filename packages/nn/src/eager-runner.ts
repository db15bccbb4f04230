import { sum, Value, zeroGrad } from '@mg/engine';
import type { Samples } from './dataset';
import type { EpochRunner } from './epoch-runner';
import type { MLP } from './mlp';
import type { Optimizer } from './optimizers';
import { isMeanLoss, type LossName, sampleLoss } from './sample-loss';

/**
 * The loss over a whole dataset as one graph: per sample, `sampleLoss` of its outputs; then a
 * `sum` node over the samples (from 0, left to right); for `'mse'` and `'bce'` divided by
 * samples × outputs.
 * `inputs` are the samples' input leaves, made from `samples.xs` unless given.
 */
export function datasetLoss(
  model: MLP,
  samples: Samples,
  loss: LossName,
  inputs: readonly Value[][] = samples.xs.map(inputLeaves),
): Value {
  const perSample = inputs.map((x, i) => sampleLoss(loss, forwardLeaves(model, x), samples.ys[i]!));
  const total = sum(perSample);
  return isMeanLoss(loss) ? total.div(samples.xs.length * samples.ys[0]!.length) : total;
}

/** The model's outputs for input nodes `x` (no checks: `x` comes from a checked dataset). */
export function forwardLeaves(model: MLP, x: readonly Value[]): Value[] {
  let h = x as Value[];
  for (const layer of model.layers) h = layer.forward(h);
  return h;
}

/** One leaf per input number. */
export function inputLeaves(x: readonly number[]): Value[] {
  return x.map((xi) => new Value(xi, 'x'));
}

/**
 * Eager mode: every epoch builds the whole dataset's loss graph, zeroes the gradients and calls
 * `backward()`. Simple and dynamic; the reference that compiled mode must match bit for bit.
 */
export function eagerRunner(
  model: MLP,
  samples: Samples,
  loss: LossName,
  makeOptimizer: (slots: Int32Array) => Optimizer,
): EpochRunner {
  const params = model.parameters();
  const optimizer = makeOptimizer(Int32Array.from(params.keys()));
  // Input leaves are made once; each epoch's graph is new.
  const inputs = samples.xs.map(inputLeaves);
  return {
    evaluate() {
      const root = datasetLoss(model, samples, loss, inputs);
      zeroGrad(params);
      root.backward();
      return root.data;
    },
    update() {
      optimizer.stepValues(params);
    },
    sync() {},
    release() {},
  };
}
