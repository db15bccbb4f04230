import {
  giveBackCompiledLoss,
  loadParameters,
  slotsInOrder,
  takeCompiledLoss,
} from './compiled-loss';
import { type Samples, sampleRows } from './dataset';
import type { EpochRunner } from './epoch-runner';
import type { MLP } from './mlp';
import type { Optimizer } from './optimizers';
import { isMeanLoss, type LossName } from './sample-loss';

/**
 * Compiled mode: one sample's loss graph is traced once into a tape (see `takeCompiledLoss`: once
 * per network, reused by its next trainings), with input and target leaves marked per-sample;
 * each epoch replays it for every sample with `Tape.runSamples`, four samples
 * per pass. No graph is built and nothing is allocated per epoch.
 *
 * It reproduces eager mode bit for bit by repeating the eager graph's order of operations:
 * - Backward: the eager pass serves the newest nodes first, so the last sample's nodes first,
 *   so samples are replayed last to first (`runSamples` does, within a pass too) and each
 *   parameter's gradient accumulates `((0 + g[n−1]) + g[n−2]) + …` exactly as there.
 * - Loss: the per-sample losses are kept and summed from 0 in sample order, as the eager `sum`
 *   node adds them; `'mse'` and `'bce'` then divide by samples × outputs, and seed each backward with
 *   1 / (samples × outputs), the gradient the eager division passes to the sum.
 */
export function compiledRunner(
  model: MLP,
  samples: Samples,
  loss: LossName,
  makeOptimizer: (slots: Int32Array) => Optimizer,
): EpochRunner {
  const outputs = model.layerSizes[model.layerSizes.length - 1]!;
  const count = samples.xs.length;
  const compiled = takeCompiledLoss(model, loss);
  const { tape, params, paramSlots, outputSlots } = compiled;
  const { values, grads } = tape;
  // Usually the parameters are the tape's first slots, in order: zeroed in one call.
  const leading = slotsInOrder(paramSlots);
  const rows = sampleRows(samples);
  const perSample = new Float64Array(count);
  const divisor = count * outputs;
  // Each sample's outputs as the training's forward pass computes them (for an accuracy, say).
  const sampleOutputs = new Float64Array(divisor);
  const mean = isMeanLoss(loss);
  const seed = mean ? 1 / divisor : 1;
  const optimizer = makeOptimizer(paramSlots);
  loadParameters(compiled);
  return {
    evaluate() {
      if (leading) grads.fill(0, 0, paramSlots.length);
      else for (let j = 0; j < paramSlots.length; j++) grads[paramSlots[j]!] = 0;
      tape.runSamples(rows, count, perSample, seed, outputSlots, sampleOutputs);
      let total = 0;
      for (let i = 0; i < count; i++) total += perSample[i]!;
      return mean ? total / divisor : total;
    },
    outputs: sampleOutputs,
    update() {
      optimizer.step(values, grads);
    },
    sync() {
      for (let j = 0; j < params.length; j++) {
        params[j]!.data = values[paramSlots[j]!]!;
        params[j]!.grad = grads[paramSlots[j]!]!;
      }
    },
    release() {
      giveBackCompiledLoss(model, compiled);
    },
  };
}
