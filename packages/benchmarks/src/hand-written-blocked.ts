import { denseLayout } from './dense-layout';
import { fullBatchStep } from './full-batch-step';
import type { ScalarActivation } from './hand-written';
import type { TrainingProblem } from './workloads';

/** Samples processed per pass over a weight row. */
const block = 4;

/**
 * The stronger yardstick: `trainHandWritten` with register blocking. Each pass over a weight row
 * serves four samples at once (each weight loaded once, four accumulators in registers), forward
 * and backward, so the weights are read a quarter as often. Same arguments and result as
 * `trainHandWritten`, and the same numbers bit for bit: every sample's own arithmetic happens in
 * the same order (pre-activations `bias + Σ w·x` left to right, its unit gradients summed over
 * the neurons from last to first), and each gradient still receives the samples' contributions
 * last sample first, because a block holds four consecutive samples in descending order and the
 * blocks run from the last one down. A last, partial block (samples not a multiple of 4) takes
 * the same loops with fewer lanes.
 *
 * Layout: a block's unit values are interleaved, `act[unit · 4 + lane]`, lane k holding sample
 * `top − k` of the block; unused lanes of a partial block are never read.
 */
export function trainHandWrittenBlocked(
  problem: TrainingProblem,
  activation: ScalarActivation,
  parameters: Float64Array,
): Float64Array {
  const { shape, samples, xs, ys, epochs, learningRate } = problem;
  const { depth, width, unitStart, paramStart } = denseLayout(shape);
  const inputs = shape.inputs;
  const outputs = width[depth]!;
  const outputStart = unitStart[depth]!;

  const units = unitStart[depth + 1]!;
  const act = new Float64Array(units * block);
  const slope = new Float64Array(units * block);
  const unitGrad = new Float64Array(units * block);
  const grad = new Float64Array(parameters.length);
  const sampleLoss = new Float64Array(samples);
  const losses = new Float64Array(epochs);

  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    for (let top = samples - 1; top >= 0; top -= block) {
      const lanes = Math.min(block, top + 1);
      for (let k = 0; k < lanes; k++) {
        const s = top - k;
        for (let i = 0; i < inputs; i++) act[i * block + k] = xs[s * inputs + i]!;
      }
      for (let l = 0; l < depth; l++) {
        const fanIn = width[l]!;
        const inBase = unitStart[l]! * block;
        const outBase = unitStart[l + 1]! * block;
        let p = paramStart[l]!;
        for (let j = 0; j < width[l + 1]!; j++, p += fanIn + 1) {
          const out = outBase + j * block;
          if (lanes === block) {
            const bias = parameters[p + fanIn]!;
            let z0 = bias;
            let z1 = bias;
            let z2 = bias;
            let z3 = bias;
            for (let i = 0, a = inBase; i < fanIn; i++, a += block) {
              const w = parameters[p + i]!;
              z0 += w * act[a]!;
              z1 += w * act[a + 1]!;
              z2 += w * act[a + 2]!;
              z3 += w * act[a + 3]!;
            }
            activate(activation, z0, act, slope, out);
            activate(activation, z1, act, slope, out + 1);
            activate(activation, z2, act, slope, out + 2);
            activate(activation, z3, act, slope, out + 3);
          } else {
            for (let k = 0; k < lanes; k++) {
              let z = parameters[p + fanIn]!;
              for (let i = 0; i < fanIn; i++)
                z += parameters[p + i]! * act[inBase + i * block + k]!;
              activate(activation, z, act, slope, out + k);
            }
          }
        }
      }
      for (let k = 0; k < lanes; k++) {
        const s = top - k;
        let loss = 0;
        for (let o = 0; o < outputs; o++) {
          const u = (outputStart + o) * block + k;
          const error = act[u]! - ys[s * outputs + o]!;
          loss += error * error;
          unitGrad[u] = error + error;
        }
        sampleLoss[s] = loss;
      }

      for (let l = depth - 1; l >= 0; l--) {
        const fanIn = width[l]!;
        const inBase = unitStart[l]! * block;
        const outBase = unitStart[l + 1]! * block;
        if (l > 0) unitGrad.fill(0, inBase, outBase);
        for (let j = width[l + 1]! - 1; j >= 0; j--) {
          const p = paramStart[l]! + j * (fanIn + 1);
          const out = outBase + j * block;
          if (lanes === block) {
            const g0 = slope[out]! * unitGrad[out]!;
            const g1 = slope[out + 1]! * unitGrad[out + 1]!;
            const g2 = slope[out + 2]! * unitGrad[out + 2]!;
            const g3 = slope[out + 3]! * unitGrad[out + 3]!;
            // Lane order 0 … 3 is sample order top … top − 3: the last sample first.
            for (let i = 0, a = inBase; i < fanIn; i++, a += block) {
              let g = grad[p + i]!;
              g += act[a]! * g0;
              g += act[a + 1]! * g1;
              g += act[a + 2]! * g2;
              g += act[a + 3]! * g3;
              grad[p + i] = g;
            }
            // The first layer's inputs are data: no gradient needed.
            if (l > 0) {
              for (let i = 0, a = inBase; i < fanIn; i++, a += block) {
                const w = parameters[p + i]!;
                unitGrad[a]! += w * g0;
                unitGrad[a + 1]! += w * g1;
                unitGrad[a + 2]! += w * g2;
                unitGrad[a + 3]! += w * g3;
              }
            }
            let b = grad[p + fanIn]!;
            b += g0;
            b += g1;
            b += g2;
            b += g3;
            grad[p + fanIn] = b;
          } else {
            for (let k = 0; k < lanes; k++) {
              const g = slope[out + k]! * unitGrad[out + k]!;
              for (let i = 0; i < fanIn; i++) {
                grad[p + i]! += act[inBase + i * block + k]! * g;
                if (l > 0) unitGrad[inBase + i * block + k]! += parameters[p + i]! * g;
              }
              grad[p + fanIn]! += g;
            }
          }
        }
      }
    }
    losses[epoch] = fullBatchStep(sampleLoss, parameters, grad, learningRate);
  }
  return losses;
}

/** One unit's output and slope f'(z) for one lane. */
function activate(
  activation: ScalarActivation,
  z: number,
  act: Float64Array,
  slope: Float64Array,
  at: number,
): void {
  const y = activation.forward(z);
  act[at] = y;
  slope[at] = activation.derivative(z, y);
}
