import type { UnaryFunction } from '@mg/engine';
import { denseLayout } from './dense-layout';
import { fullBatchStep } from './full-batch-step';
import type { TrainingProblem } from './workloads';

/** The part of an activation the reference needs: f(x) and f'(x) given y = f(x). */
export type ScalarActivation = Pick<UnaryFunction, 'forward' | 'derivative'>;

/**
 * The practical limit: full-batch SGD on an MLP with hand-written forward and backward loops
 * over flat `Float64Array`s, no graph at all. Trains `parameters` IN PLACE (@mg/nn's order) and
 * returns the loss (sum of squared errors) of every epoch, computed before that epoch's update.
 *
 * Its arithmetic follows @mg/engine's operation for operation, so it reproduces @mg/nn's losses:
 * a pre-activation is `bias + Σ w·x` added left to right; a squared error is `d·d`; gradients
 * accumulate in the order the engine's backward pass serves nodes (last sample first, within a
 * sample the last layer first and its neurons from last to first); the per-sample losses are added in
 * sample order from 0; the update is `p −= lr · grad`. Each sample's forward pass is followed
 * at once by its backward pass, so its activations stay in cache.
 */
export function trainHandWritten(
  problem: TrainingProblem,
  activation: ScalarActivation,
  parameters: Float64Array,
): Float64Array {
  const { shape, samples, xs, ys, epochs, learningRate } = problem;
  const { depth, width, unitStart, paramStart } = denseLayout(shape);
  const outputs = width[depth]!;
  const outputStart = unitStart[depth]!;

  const act = new Float64Array(unitStart[depth + 1]!); // every unit's output for one sample
  const slope = new Float64Array(act.length); // f'(pre-activation) of every unit
  const unitGrad = new Float64Array(act.length); // d loss / d unit output
  const grad = new Float64Array(parameters.length);
  const sampleLoss = new Float64Array(samples);
  const losses = new Float64Array(epochs);

  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    for (let s = samples - 1; s >= 0; s--) {
      act.set(xs.subarray(s * shape.inputs, (s + 1) * shape.inputs));
      for (let l = 0; l < depth; l++) {
        const fanIn = width[l]!;
        const inStart = unitStart[l]!;
        const outStart = unitStart[l + 1]!;
        let p = paramStart[l]!;
        for (let j = 0; j < width[l + 1]!; j++, p += fanIn + 1) {
          let z = parameters[p + fanIn]!;
          for (let i = 0; i < fanIn; i++) z += parameters[p + i]! * act[inStart + i]!;
          const y = activation.forward(z);
          act[outStart + j] = y;
          slope[outStart + j] = activation.derivative(z, y);
        }
      }
      let loss = 0;
      for (let k = 0; k < outputs; k++) {
        const error = act[outputStart + k]! - ys[s * outputs + k]!;
        loss += error * error;
        unitGrad[outputStart + k] = error + error; // d(error·error)/d(prediction)
      }
      sampleLoss[s] = loss;

      for (let l = depth - 1; l >= 0; l--) {
        const fanIn = width[l]!;
        const inStart = unitStart[l]!;
        const outStart = unitStart[l + 1]!;
        if (l > 0) unitGrad.fill(0, inStart, outStart);
        for (let j = width[l + 1]! - 1; j >= 0; j--) {
          const p = paramStart[l]! + j * (fanIn + 1);
          const g = slope[outStart + j]! * unitGrad[outStart + j]!;
          if (l > 0) {
            for (let i = 0; i < fanIn; i++) {
              grad[p + i]! += act[inStart + i]! * g;
              unitGrad[inStart + i]! += parameters[p + i]! * g;
            }
          } else {
            for (let i = 0; i < fanIn; i++) grad[p + i]! += act[inStart + i]! * g;
          }
          grad[p + fanIn]! += g;
        }
      }
    }
    losses[epoch] = fullBatchStep(sampleLoss, parameters, grad, learningRate);
  }
  return losses;
}
