import { optionKeys } from '@mg/engine';
import type { Dataset } from './dataset';
import { NetworkError } from './errors';
import type { MLP } from './mlp';
import { buildRunner, checkModelAndOptions, type StepOptions, stepOptionKeys } from './train-setup';

/** How {@link createTrainer} trains: `train`'s options without the epoch count and callback. */
export type TrainerOptions = StepOptions;

const trainerOptionKeys = optionKeys<TrainerOptions>(stepOptionKeys);

/** Training one epoch at a time, with the optimizer's state kept between epochs (see {@link createTrainer}). */
export interface Trainer {
  /**
   * Runs one epoch: computes the loss over every sample at the current parameters, then applies
   * one optimizer step, unless the loss is NaN or ±Infinity (then the parameters stay). Returns
   * that loss, as `train`'s `losses[i]`.
   */
  step(): number;
  /** Makes the model's `Value`s hold the current parameters (and the last step's gradients). */
  sync(): void;
  /**
   * The network's outputs for every training sample in the last `step()`'s forward pass, at the
   * parameters before its update (those its loss was computed at), as a new array:
   * `outputs[i · outputCount + k]` is output k of sample i. For an accuracy on the training data
   * without a second forward pass. Throws a `NetworkError` before the first step.
   */
  lastOutputs(): Float64Array;
  /** Epochs run so far. */
  readonly epochs: number;
}

/**
 * `train` one epoch at a time, for a caller that decides when to go on (a page that animates
 * training, a worker that must answer messages between epochs). N calls of `step()` give the same
 * losses and parameters as `train` with `epochs: N`, bit for bit. The model's `Value`s are only
 * brought up to date by `sync()`.
 *
 * ```ts
 * const trainer = createTrainer(net, { xs, ys }, { learningRate: 0.05, optimizer: 'adam' });
 * const loss = trainer.step();
 * ```
 */
export function createTrainer(model: MLP, dataset: Dataset, options: TrainerOptions): Trainer {
  checkModelAndOptions(model, options, trainerOptionKeys, 'createTrainer');
  const runner = buildRunner(model, dataset, options, 'createTrainer');
  let epochs = 0;
  return {
    step() {
      const loss = runner.evaluate();
      epochs++;
      if (Number.isFinite(loss)) runner.update();
      return loss;
    },
    sync() {
      runner.sync();
    },
    lastOutputs() {
      if (epochs === 0) {
        throw new NetworkError("'Trainer.lastOutputs' has no outputs before the first step()");
      }
      return runner.outputs.slice();
    },
    get epochs() {
      return epochs;
    },
  };
}
