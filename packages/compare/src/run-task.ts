import { type ActivationRegistry, defaultRegistry } from '@mg/activations';
import { type Dataset, MLP, train } from '@mg/nn';
import type { ComparisonRun } from './types';

/**
 * One (activation, seed) run, as plain data so it can be posted to a worker thread. Activations
 * travel by name: functions cannot cross threads, so workers look them up in `defaultRegistry()`.
 */
export interface RunTask {
  activation: string;
  /** null: the compared activation on the output layer too. */
  outputActivation: string | null;
  seed: number;
  inputs: number;
  layers: number[];
  /** The start shared by every activation for this seed (fairness), in `MLP.parameters()` order. */
  initialParameters: number[];
  dataset: Dataset;
  epochs: number;
  learningRate: number;
}

/** A finished run and its wall time. */
export interface RunOutcome extends ComparisonRun {
  activation: string;
  timeMs: number;
}

/**
 * Trains one network from the task's initial parameters with full-batch SGD on the sum of squared
 * errors (nn's compiled default). Deterministic: the same task gives the same losses bit for bit.
 */
export function runTask(
  task: RunTask,
  registry: ActivationRegistry = defaultRegistry(),
): RunOutcome {
  const start = performance.now();
  const model = new MLP(task.inputs, task.layers, {
    activation: task.activation,
    outputActivation: task.outputActivation ?? task.activation,
    seed: task.seed,
    registry,
  });
  model.setParameters(task.initialParameters);
  const result = train(model, task.dataset, {
    epochs: task.epochs,
    learningRate: task.learningRate,
    loss: 'sse',
    optimizer: 'sgd',
  });
  // Keep only finite losses, so the curves, CSV and JSON never hold NaN or Infinity.
  const firstNonFinite = result.losses.findIndex((loss) => !Number.isFinite(loss));
  const losses = firstNonFinite === -1 ? result.losses : result.losses.slice(0, firstNonFinite);
  const diverged =
    result.diverged ??
    (firstNonFinite === -1
      ? null
      : { epoch: firstNonFinite, loss: result.losses[firstNonFinite]! });
  const trained = model.getParameters();
  return {
    activation: task.activation,
    seed: task.seed,
    losses,
    diverged,
    // NOTE: a diverged run's parameters are not finite (and JSON has no NaN), so none are kept.
    parameters: diverged === null && trained.every(Number.isFinite) ? trained : null,
    timeMs: performance.now() - start,
  };
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
