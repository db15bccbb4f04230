import { MLP, train } from '@mg/nn';
import { rows, type TrainingProblem } from './workloads';

/** @mg/nn's training in one of its two modes, for a problem whose data is prepared once. */
export type NnTrainer = (activationName: string, parameters: Float64Array) => number[];

/**
 * Prepares `problem`'s data in the shape @mg/nn takes (done once, outside the timed runs) and
 * returns a trainer: a fresh `MLP` loaded with `parameters`, trained by `train` in `mode`,
 * returning its losses.
 */
export function nnTrainer(problem: TrainingProblem, mode: 'eager' | 'compiled'): NnTrainer {
  const outputs = problem.shape.layers[problem.shape.layers.length - 1]!;
  const dataset = {
    xs: rows(problem.xs, problem.shape.inputs),
    ys: outputs === 1 ? Array.from(problem.ys) : rows(problem.ys, outputs),
  };
  const options = { epochs: problem.epochs, learningRate: problem.learningRate, mode };
  return (activationName, parameters) => {
    const mlp = new MLP(problem.shape.inputs, problem.shape.layers, { activation: activationName });
    mlp.setParameters(parameters);
    return train(mlp, dataset, options).losses;
  };
}
