import { InvalidArgumentError } from '@mg/engine';
import { compiledRunner } from './compiled-runner';
import { checkDataset, type Dataset } from './dataset';
import { eagerRunner, type LossName } from './eager-runner';
import { MLP } from './mlp';
import { createOptimizer, type OptimizerName, optimizerNames } from './optimizers';
import { assertPositiveInteger, oneOf } from './validate';

/** How {@link train} runs. */
export interface TrainOptions {
  /** Number of epochs (full passes over the dataset), a positive integer. */
  epochs: number;
  /** Step size, a positive finite number. */
  learningRate: number;
  /** `'sse'` (default, the original's): Σ over samples and outputs of (prediction − target)²; `'mse'`: that sum / (samples × outputs). */
  loss?: LossName;
  /** `'sgd'` (default, the original's `p -= lr · grad`), `'momentum'` (0.9) or `'adam'` (β 0.9, 0.999, ε 1e-8). */
  optimizer?: OptimizerName;
  /** `'compiled'` (default): replay a traced tape; `'eager'`: rebuild the graph every epoch. Same numbers bit for bit. */
  mode?: 'compiled' | 'eager';
  /**
   * Called after each epoch's loss is computed, before its update; the model then holds the
   * parameters that gave `loss` and their gradients. Read them, do not change them: compiled mode
   * keeps its own copy of the parameters during training and would ignore the change.
   */
  onEpoch?: (epoch: number, loss: number) => void;
}

/** What {@link train} returns. */
export interface TrainResult {
  /** `losses[i]`: the loss computed in epoch i, before that epoch's update. If training diverged, the last one is the non-finite loss. */
  losses: number[];
  /** The epoch whose loss was NaN or ±Infinity, which stopped training; `null` if none did. */
  diverged: null | { epoch: number; loss: number };
}

const lossNames: readonly LossName[] = ['sse', 'mse'];
const modes = ['compiled', 'eager'] as const;

/**
 * Full-batch gradient descent, as the original: each epoch computes the loss over every sample,
 * backpropagates it and updates every parameter once. A NaN or infinite loss stops training and
 * is reported in `diverged` (not thrown); the model keeps the parameters that produced it.
 *
 * ```ts
 * const net = new MLP(3, [4, 4, 1], { activation: 'tanh' });
 * const { losses } = train(net, { xs, ys }, { epochs: 100, learningRate: 0.05 });
 * ```
 */
export function train(model: MLP, dataset: Dataset, options: TrainOptions): TrainResult {
  const method = 'train';
  if (!(model instanceof MLP)) {
    throw new InvalidArgumentError({
      argument: 'model',
      method,
      expected: 'an MLP',
      received: model,
    });
  }
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError({
      argument: 'options',
      method,
      expected: 'an object { epochs, learningRate, ... }',
      received: options,
    });
  }
  const outputs = model.layerSizes[model.layerSizes.length - 1]!;
  const samples = checkDataset(dataset, model.inputs, outputs, method);
  const epochs = assertPositiveInteger(options.epochs, 'options.epochs', method);
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
  const optimizer = oneOf(options.optimizer, optimizerNames, 'sgd', 'options.optimizer', method);
  const mode = oneOf(options.mode, modes, 'compiled', 'options.mode', method);
  const onEpoch = options.onEpoch;
  if (onEpoch !== undefined && typeof onEpoch !== 'function') {
    throw new InvalidArgumentError({
      argument: 'options.onEpoch',
      method,
      expected: 'a function (epoch, loss) => void or undefined',
      received: onEpoch,
    });
  }
  const makeOptimizer = (slots: Int32Array) => createOptimizer(optimizer, lr, slots);
  const runner = (mode === 'eager' ? eagerRunner : compiledRunner)(
    model,
    samples,
    loss,
    makeOptimizer,
  );
  const losses: number[] = [];
  let diverged: TrainResult['diverged'] = null;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const value = runner.evaluate();
    losses.push(value);
    if (onEpoch !== undefined) {
      runner.sync();
      onEpoch(epoch, value);
    }
    if (!Number.isFinite(value)) {
      diverged = { epoch, loss: value };
      break;
    }
    runner.update();
  }
  runner.sync();
  return { losses, diverged };
}
