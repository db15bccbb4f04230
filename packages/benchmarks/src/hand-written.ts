import type { UnaryFunction } from '@mg/engine';
import type { TrainingProblem } from './workloads';

/** The part of an activation the reference needs: f(x) and f'(x) given y = f(x). */
export type ScalarActivation = Pick<UnaryFunction, 'forward' | 'derivative'>;

/**
 * The practical limit: full-batch SGD on an MLP with hand-written forward and backward loops
 * over flat `Float64Array`s, no graph at all. Trains `parameters` IN PLACE (@mg/nn's order) and
 * returns the loss (sum of squared errors) of every epoch, computed before that epoch's update.
 *
 * Its arithmetic follows @mg/engine's operation for operation, so it reproduces @mg/nn's losses:
 * a pre-activation is `bias + Σ w·x` added left to right; gradients are accumulated as the
 * engine's reverse topological order does (last sample first, within a sample the last layer
 * first and its neurons from last to first); the update is `p −= lr · grad`.
 */
export function trainHandWritten(
  problem: TrainingProblem,
  activation: ScalarActivation,
  parameters: Float64Array,
): Float64Array {
  const { shape, samples, xs, ys, epochs, learningRate } = problem;
  const depth = shape.layers.length;
  const width = [shape.inputs, ...shape.layers];
  // unitStart[l]: where layer l's units (l = 0: the inputs) start within one sample's row.
  const unitStart = [0];
  for (let l = 0; l < width.length; l++) unitStart.push(unitStart[l]! + width[l]!);
  const paramStart = [0];
  for (let l = 0; l < depth; l++) paramStart.push(paramStart[l]! + (width[l]! + 1) * width[l + 1]!);
  const units = unitStart[depth + 1]!;
  const outputs = width[depth]!;
  const outputStart = unitStart[depth]!;

  const act = new Float64Array(samples * units); // every unit's output, per sample
  const slope = new Float64Array(samples * units); // f'(pre-activation), per sample
  const unitGrad = new Float64Array(units); // d loss / d unit output, for the current sample
  const grad = new Float64Array(parameters.length);
  const losses = new Float64Array(epochs);
  for (let s = 0; s < samples; s++) {
    act.set(xs.subarray(s * shape.inputs, (s + 1) * shape.inputs), s * units);
  }

  for (let epoch = 0; epoch < epochs; epoch++) {
    let loss = 0;
    for (let s = 0; s < samples; s++) {
      const row = s * units;
      for (let l = 0; l < depth; l++) {
        const fanIn = width[l]!;
        const inStart = row + unitStart[l]!;
        const outStart = row + unitStart[l + 1]!;
        let p = paramStart[l]!;
        for (let j = 0; j < width[l + 1]!; j++, p += fanIn + 1) {
          let z = parameters[p + fanIn]!;
          for (let i = 0; i < fanIn; i++) z += parameters[p + i]! * act[inStart + i]!;
          const y = activation.forward(z);
          act[outStart + j] = y;
          slope[outStart + j] = activation.derivative(z, y);
        }
      }
      for (let k = 0; k < outputs; k++) {
        const error = act[row + outputStart + k]! - ys[s * outputs + k]!;
        loss += error ** 2;
      }
    }
    losses[epoch] = loss;

    grad.fill(0);
    for (let s = samples - 1; s >= 0; s--) {
      const row = s * units;
      for (let k = 0; k < outputs; k++) {
        const error = act[row + outputStart + k]! - ys[s * outputs + k]!;
        unitGrad[outputStart + k] = 2 * error; // d(error²)/d(prediction)
      }
      for (let l = depth - 1; l >= 0; l--) {
        const fanIn = width[l]!;
        const inUnit = unitStart[l]!;
        const outUnit = unitStart[l + 1]!;
        const inStart = row + inUnit;
        if (l > 0) unitGrad.fill(0, inUnit, inUnit + fanIn);
        for (let j = width[l + 1]! - 1; j >= 0; j--) {
          const p = paramStart[l]! + j * (fanIn + 1);
          const g = slope[row + outUnit + j]! * unitGrad[outUnit + j]!;
          for (let i = 0; i < fanIn; i++) grad[p + i]! += act[inStart + i]! * g;
          if (l > 0)
            for (let i = 0; i < fanIn; i++) unitGrad[inUnit + i]! += parameters[p + i]! * g;
          grad[p + fanIn]! += g;
        }
      }
    }
    for (let k = 0; k < parameters.length; k++) parameters[k]! -= learningRate * grad[k]!;
  }
  return losses;
}
