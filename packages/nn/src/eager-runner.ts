import { sum, Value } from '@mg/engine';
import type { Samples } from './dataset';
import { forwardLayers, layerRows } from './eager-forward';
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
 * Eager mode: every epoch builds each sample's loss graph and backpropagates it, last sample
 * first, then sums the samples' losses. Simple and dynamic; the reference that compiled mode
 * must match bit for bit.
 *
 * It gives the numbers of one graph over the whole dataset (`datasetLoss`, then `backward()`),
 * bit for bit, while only one sample's graph is alive at a time (the whole dataset's graph
 * outgrew V8's young generation: at 64-64-1 with 512 samples, garbage collection took half the
 * time). That graph's backward pass serves the last sample's nodes first and hands each sample's
 * loss the gradient 1 (`'sse'`) or 1 / (samples × outputs) (the other losses), so each parameter
 * gradient adds up `((0 + g[n−1]) + g[n−2]) + …` as here; its `sum` node adds the losses from 0 in
 * sample order and divides once, as here.
 */
export function eagerRunner(
  model: MLP,
  samples: Samples,
  loss: LossName,
  makeOptimizer: (slots: Int32Array) => Optimizer,
): EpochRunner {
  const params = model.parameters();
  const optimizer = makeOptimizer(Int32Array.from(params.keys()));
  // Input leaves are made once; each epoch's graphs are new.
  const inputs = samples.xs.map(inputLeaves);
  const layers = layerRows(model);
  const count = samples.xs.length;
  const divisor = count * samples.ys[0]!.length;
  const mean = isMeanLoss(loss);
  // The gradient the dataset's sum (and mean) node would hand each sample's loss.
  const seed = mean ? 1 / divisor : 1;
  const perSample = new Float64Array(count);
  const outputCount = samples.ys[0]!.length;
  const outputs = new Float64Array(divisor);
  return {
    evaluate() {
      // `params` holds the model's own Values: no need for `zeroGrad`'s checks.
      for (let j = 0; j < params.length; j++) params[j]!.grad = 0;
      for (let i = count - 1; i >= 0; i--) {
        const out = forwardLayers(layers, inputs[i]!);
        for (let k = 0; k < outputCount; k++) outputs[i * outputCount + k] = out[k]!.data;
        const root = sampleLoss(loss, out, samples.ys[i]!);
        perSample[i] = root.data;
        root.backward(seed);
      }
      let total = 0;
      for (let i = 0; i < count; i++) total += perSample[i]!;
      return mean ? total / divisor : total;
    },
    outputs,
    update() {
      optimizer.stepValues(params);
    },
    sync() {},
    release() {},
  };
}
