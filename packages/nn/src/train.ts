import { InvalidArgumentError, optionKeys } from '@mg/engine';
import type { Dataset } from './dataset';
import type { MLP } from './mlp';
import { buildRunner, checkModelAndOptions, type StepOptions, stepOptionKeys } from './train-setup';
import { assertPositiveInteger } from './validate';

/** How {@link train} runs. */
export interface TrainOptions extends StepOptions {
  /** Number of epochs (full passes over the dataset), a positive integer. */
  epochs: number;
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

/**
 * The most epochs `train` runs. Its loss history is a plain array of doubles, 8 MB at this limit;
 * V8 cannot grow one much past 10^8 elements and aborts the whole process instead of throwing
 * (`train` with 2e8 epochs ran for minutes first). At this limit the original's 10-5-1 network
 * on four samples already trains for about ten seconds; past it, call `createTrainer` and keep
 * what you need of the losses yourself.
 */
export const maxEpochs = 1_000_000;

const trainOptionKeys = optionKeys<TrainOptions>({
  ...stepOptionKeys,
  epochs: true,
  onEpoch: true,
});

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
  checkModelAndOptions(model, options, trainOptionKeys, method);
  let epochs = 0;
  const runner = buildRunner(model, dataset, options, method, () => {
    epochs = assertPositiveInteger(options.epochs, 'options.epochs', method);
    if (epochs > maxEpochs) {
      throw new InvalidArgumentError({
        argument: 'options.epochs',
        method,
        expected: `at most ${maxEpochs.toLocaleString('en-US')} (maxEpochs: the loss history must fit in memory)`,
        received: epochs,
      });
    }
  });
  const onEpoch = options.onEpoch;
  if (onEpoch !== undefined && typeof onEpoch !== 'function') {
    throw new InvalidArgumentError({
      argument: 'options.onEpoch',
      method,
      expected: 'a function (epoch, loss) => void or undefined',
      received: onEpoch,
    });
  }
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
  runner.release();
  return { losses, diverged };
}
