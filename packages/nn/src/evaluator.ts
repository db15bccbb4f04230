import { compile, optionKeys, Value } from '@mg/engine';
import { checkDataset, type Dataset, sampleRows } from './dataset';
import { forwardLeaves } from './eager-runner';
import type { MLP } from './mlp';
import { isMeanLoss, type LossName, lossNames, sampleLoss } from './sample-loss';
import { checkModelAndOptions } from './train-setup';
import { oneOf } from './validate';

/** What {@link Evaluator.evaluate} returns. */
export interface Evaluation {
  /** The dataset's loss at the model's current parameters, reduced as `train` reduces it. */
  loss: number;
  /** The network's outputs, sample by sample: `outputs[i * outputCount + k]` is output k of sample i. */
  outputs: Float64Array;
}

/** Options of {@link createEvaluator}. */
export interface EvaluatorOptions {
  /** The loss to report, as `train`'s `loss`. Default `'sse'`. */
  loss?: LossName;
}

const evaluatorOptionKeys = optionKeys<EvaluatorOptions>({ loss: true });

/** Measures a network on a fixed dataset, as often as you like (see {@link createEvaluator}). */
export interface Evaluator {
  /** The loss and the outputs at the parameters the model's `Value`s hold now. */
  evaluate(): Evaluation;
}

/**
 * Measures `model` on `dataset` without training it: a held-out validation set each epoch, or
 * the outputs for an accuracy. The forward pass is traced once into a tape and replayed, four
 * samples per pass (`Tape.forwardSamples`), so each `evaluate()` allocates only its outputs. The
 * loss is computed exactly as `train` computes it (same graph, samples summed from 0 in order), so
 * on the training data it equals `train`'s loss for the same parameters, bit for bit.
 *
 * It reads the parameters from the model's `Value`s: during training with `createTrainer`, call
 * `trainer.sync()` first.
 *
 * ```ts
 * const validation = createEvaluator(net, { xs: heldOutXs, ys: heldOutYs }, { loss: 'mse' });
 * trainer.step(); trainer.sync();
 * const { loss, outputs } = validation.evaluate();
 * ```
 */
export function createEvaluator(
  model: MLP,
  dataset: Dataset,
  options: EvaluatorOptions = {},
): Evaluator {
  const method = 'createEvaluator';
  checkModelAndOptions(model, options, evaluatorOptionKeys, method);
  const outputCount = model.layerSizes[model.layerSizes.length - 1]!;
  const samples = checkDataset(dataset, model.inputs, outputCount, method);
  const loss = oneOf(options.loss, lossNames, 'sse', 'options.loss', method);
  const xLeaves = Array.from({ length: model.inputs }, () => new Value(0, 'x'));
  const yLeaves = Array.from({ length: outputCount }, () => new Value(0, 'y'));
  const outputNodes = forwardLeaves(model, xLeaves);
  // No gradients are wanted, and inputs and targets change per sample: the tape runs several
  // samples per pass (`forwardSamples`), forward only.
  const tape = compile(sampleLoss(loss, outputNodes, yLeaves), {
    wrt: [],
    perSample: [...xLeaves, ...yLeaves],
  });
  const outSlots = Int32Array.from(outputNodes, (o) => tape.slotOf(o));
  const count = samples.xs.length;
  const rows = sampleRows(samples);
  const perSample = new Float64Array(count);
  const divisor = count * outputCount;
  return {
    evaluate() {
      tape.load();
      const outputs = new Float64Array(divisor);
      tape.forwardSamples(rows, count, perSample, outSlots, outputs);
      // Summed from 0 in sample order, as `train` does.
      let total = 0;
      for (let i = 0; i < count; i++) total += perSample[i]!;
      return { loss: isMeanLoss(loss) ? total / divisor : total, outputs };
    },
  };
}
