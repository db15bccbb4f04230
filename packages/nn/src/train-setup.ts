import { checkOptionKeys, InvalidArgumentError, type OptionKeyList } from '@mg/engine';
import { compiledRunner } from './compiled-runner';
import { checkDataset, type Dataset } from './dataset';
import { eagerRunner } from './eager-runner';
import type { EpochRunner } from './epoch-runner';
import { MLP } from './mlp';
import { createOptimizer, type OptimizerName, optimizerNames } from './optimizers';
import { type LossName, lossNames } from './sample-loss';
import { oneOf } from './validate';

/** How a network is trained, epoch after epoch: what `train` and `createTrainer` share. */
export interface StepOptions {
  /** Step size, a positive finite number. */
  learningRate: number;
  /**
   * `'sse'` (default, the original's): Σ over samples and outputs of (prediction − target)²;
   * `'mse'`: that sum / (samples × outputs); `'bce'`: binary cross-entropy on logits (use an
   * `'identity'` output layer; targets in [0, 1]), averaged over samples × outputs.
   */
  loss?: LossName;
  /** `'sgd'` (default, the original's `p -= lr · grad`), `'momentum'` (0.9) or `'adam'` (β 0.9, 0.999, ε 1e-8). */
  optimizer?: OptimizerName;
  /** `'compiled'` (default): replay a traced tape; `'eager'`: rebuild the graph every epoch. Same numbers bit for bit. */
  mode?: 'compiled' | 'eager';
}

const modes = ['compiled', 'eager'] as const;

/** The keys of {@link StepOptions}, for the option lists of `train` and `createTrainer`. */
export const stepOptionKeys = {
  learningRate: true,
  loss: true,
  optimizer: true,
  mode: true,
} as const satisfies OptionKeyList<StepOptions>;

/**
 * Checks the model and the options object, whose keys must be among `known` (typed errors naming
 * `method`'s argument; a misspelt key is an `UnknownOptionError`).
 */
export function checkModelAndOptions(
  model: unknown,
  options: unknown,
  known: readonly string[],
  method: string,
): void {
  if (!(model instanceof MLP)) {
    throw new InvalidArgumentError({
      argument: 'model',
      method,
      expected: 'an MLP',
      received: model,
    });
  }
  checkOptionKeys(options, known, 'options', method);
}

/**
 * Checks the dataset and the step options, then builds the epoch runner of the chosen mode,
 * with its optimizer state allocated once.
 */
export function buildRunner(
  model: MLP,
  dataset: Dataset,
  options: StepOptions,
  method: string,
  checkMore: () => void = () => {},
): EpochRunner {
  const outputs = model.layerSizes[model.layerSizes.length - 1]!;
  const samples = checkDataset(dataset, model.inputs, outputs, method);
  checkMore();
  const lr = options.learningRate;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new InvalidArgumentError({
      argument: 'options.learningRate',
      method,
      expected: 'a positive finite number',
      received: lr,
    });
  }
  const loss = oneOf(options.loss, lossNames, 'sse', 'options.loss', method);
  if (loss === 'bce') {
    const bad = samples.ys.findIndex((y) => y.some((t) => t < 0 || t > 1));
    if (bad >= 0) {
      throw new InvalidArgumentError({
        argument: `dataset.ys[${bad}]`,
        method,
        expected: "targets from 0 to 1 (class 0 or 1) for loss 'bce'",
        received: samples.ys[bad]!.length === 1 ? samples.ys[bad]![0] : samples.ys[bad],
      });
    }
  }
  const optimizer = oneOf(options.optimizer, optimizerNames, 'sgd', 'options.optimizer', method);
  const mode = oneOf(options.mode, modes, 'compiled', 'options.mode', method);
  const makeOptimizer = (slots: Int32Array) => createOptimizer(optimizer, lr, slots);
  return (mode === 'eager' ? eagerRunner : compiledRunner)(model, samples, loss, makeOptimizer);
}
