import {
  type ActivationRegistry,
  createEvaluator,
  createTrainer,
  defaultRegistry,
  type LossName,
  MLP,
  type OptimizerName,
} from './dependencies';
import type { Rows } from './split-dataset';
import type { ComparisonRun } from './types';

/**
 * One (activation, seed) run, as plain data so it can be posted to a worker thread. Activations
 * travel by name: functions cannot cross threads, so workers look them up in `defaultRegistry()`.
 */
export interface RunTask {
  /** The label results carry: one canonical name, or one per hidden layer joined by `/`. */
  activation: string;
  /** One activation name per hidden layer (empty for a network without hidden layers). */
  layerActivations: string[];
  /** null: the compared activation on the output layer too. */
  outputActivation: string | null;
  seed: number;
  inputs: number;
  layers: number[];
  /** The start shared by every activation for this seed (fairness), in `MLP.parameters()` order. */
  initialParameters: number[];
  /** The rows trained on. */
  dataset: Rows;
  /** The held-out rows (none: no validation). */
  validation: Rows;
  epochs: number;
  learningRate: number;
  loss: LossName;
  optimizer: OptimizerName;
  /**
   * Classification: an output above `output` says class 1, a target above `target` is class 1
   * (0 and 0.5 for logits against 0/1 targets). null for regression.
   */
  cuts: { output: number; target: number } | null;
}

/** A finished run and its wall time. */
export interface RunOutcome extends ComparisonRun {
  activation: string;
  timeMs: number;
}

/**
 * Trains one network from the task's initial parameters with full-batch steps of nn's compiled
 * trainer. With held-out rows, measures their loss before each epoch's update (at the parameters
 * that gave that epoch's training loss); for classification, the accuracy on both sides too.
 * Deterministic: the same task gives the same numbers bit for bit.
 */
export function runTask(
  task: RunTask,
  registry: ActivationRegistry = defaultRegistry(),
): RunOutcome {
  const start = performance.now();
  const hidden = task.layerActivations;
  const uniform = hidden.every((name) => name === hidden[0]);
  const model = new MLP(task.inputs, task.layers, {
    activation: hidden.length === 0 ? task.activation : uniform ? hidden[0]! : hidden,
    ...(task.outputActivation === null ? {} : { outputActivation: task.outputActivation }),
    seed: task.seed,
    registry,
  });
  model.setParameters(task.initialParameters);
  const trainer = createTrainer(model, task.dataset, {
    learningRate: task.learningRate,
    loss: task.loss,
    optimizer: task.optimizer,
  });
  const held = task.validation.xs.length > 0;
  const validator = held ? createEvaluator(model, task.validation, { loss: task.loss }) : null;
  const losses: number[] = [];
  const validationLosses: number[] = [];
  const trainAccuracy: number[] = [];
  const validationAccuracy: number[] = [];
  let diverged: ComparisonRun['diverged'] = null;
  for (let epoch = 0; epoch < task.epochs; epoch++) {
    if (validator) {
      trainer.sync();
      const { loss, outputs } = validator.evaluate();
      validationLosses.push(loss);
      if (task.cuts) validationAccuracy.push(accuracy(outputs, task.validation.ys, task.cuts));
    }
    const loss = trainer.step();
    // The training rows' accuracy at the same parameters, from the step's own forward pass.
    if (task.cuts) trainAccuracy.push(accuracy(trainer.lastOutputs(), task.dataset.ys, task.cuts));
    // Keep only finite losses, so the curves, CSV and JSON never hold NaN or Infinity.
    if (!Number.isFinite(loss)) {
      diverged = { epoch, loss };
      break;
    }
    losses.push(loss);
  }
  trainer.sync();
  const trained = model.getParameters();
  const outcome: RunOutcome = {
    activation: task.activation,
    seed: task.seed,
    losses,
    diverged,
    // NOTE: a diverged run's parameters are not finite (and JSON has no NaN), so none are kept.
    parameters: diverged === null && trained.every(Number.isFinite) ? trained : null,
    timeMs: 0,
  };
  // The epoch that diverged is left out of every curve.
  if (held) outcome.validationLosses = validationLosses.slice(0, losses.length);
  if (task.cuts) {
    outcome.trainAccuracy = trainAccuracy.slice(0, losses.length);
    if (held) outcome.validationAccuracy = validationAccuracy.slice(0, losses.length);
  }
  outcome.timeMs = performance.now() - start;
  return outcome;
}

/** The share of rows whose output falls on the side of `cuts.output` that their target's class does. */
function accuracy(
  outputs: Float64Array,
  ys: readonly (readonly number[])[],
  cuts: NonNullable<RunTask['cuts']>,
): number {
  let right = 0;
  for (let i = 0; i < ys.length; i++) {
    if (outputs[i]! > cuts.output === ys[i]![0]! > cuts.target) right++;
  }
  return right / ys.length;
}

/**
 * The shared start for `seed`: the parameters nn's seeded initialisation gives this shape. Every
 * activation's network is loaded with them, so differences come from the activation alone.
 */
export function initialParameters(
  inputs: number,
  layers: readonly number[],
  seed: number,
  registry: ActivationRegistry,
  activation: string,
): number[] {
  return new MLP(inputs, layers, { seed, registry, activation }).getParameters();
}
