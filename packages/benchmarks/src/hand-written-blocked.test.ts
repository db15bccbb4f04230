import { getActivation } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { trainHandWritten } from './hand-written';
import { trainHandWrittenBlocked } from './hand-written-blocked';
import { initialParameters } from './network';
import { createRandom } from './random';
import { biggerMlp, defaultComparison, type TrainingProblem } from './workloads';

/** The bytes of a float array: equal bytes mean equal doubles, bit for bit (−0 and NaNs too). */
function bits(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Trains `problem` both ways from `start`; returns both losses and final parameters. */
function both(problem: TrainingProblem, activation: string, start: Float64Array) {
  const plainParameters = start.slice();
  const blockedParameters = start.slice();
  const f = getActivation(activation);
  return {
    plain: { losses: trainHandWritten(problem, f, plainParameters), parameters: plainParameters },
    blocked: {
      losses: trainHandWrittenBlocked(problem, f, blockedParameters),
      parameters: blockedParameters,
    },
  };
}

/** A random problem with `samples` samples and `outputs` outputs (tests the partial block). */
function randomProblem(samples: number, outputs: number): TrainingProblem {
  const random = createRandom(samples * 10 + outputs);
  const shape = { inputs: 3, layers: [6, 5, outputs] };
  return {
    shape,
    samples,
    xs: Float64Array.from({ length: samples * shape.inputs }, () => 2 * random() - 1),
    ys: Float64Array.from({ length: samples * outputs }, () => 2 * random() - 1),
    epochs: 15,
    learningRate: 0.01,
  };
}

describe('trainHandWrittenBlocked', () => {
  const short = { ...defaultComparison, epochs: 20 };

  it.each(defaultComparison.activations.map((name, index) => [name, index] as const))(
    'gives the plain reference’s losses and parameters bit for bit on workload A with %s',
    (name, index) => {
      const { plain, blocked } = both(short, name, defaultComparison.initialParameters(index));
      expect(bits(blocked.losses)).toEqual(bits(plain.losses));
      expect(bits(blocked.parameters)).toEqual(bits(plain.parameters));
    },
  );

  // Workload B's network in two implementations: a few seconds alone, a minute or more on a busy
  // machine (it took 63 s beside a full test run).
  it('gives them bit for bit on workload B (256 samples, 2 epochs)', () => {
    const problem = { ...biggerMlp, epochs: 2 };
    const { plain, blocked } = both(problem, 'tanh', biggerMlp.initialParameters(0));
    expect(bits(blocked.losses)).toEqual(bits(plain.losses));
    expect(bits(blocked.parameters)).toEqual(bits(plain.parameters));
  }, 300_000);

  it.each([
    [1, 1],
    [3, 2],
    [5, 1],
    [6, 3],
    [7, 2],
    [9, 1],
  ])(
    'gives them bit for bit with %i samples (a partial block) and %i outputs',
    (samples, outputs) => {
      const problem = randomProblem(samples, outputs);
      const start = initialParameters(problem.shape, samples, 'unit');
      for (const name of ['tanh', 'gelu', 'relu']) {
        const { plain, blocked } = both(problem, name, start);
        expect(bits(blocked.losses)).toEqual(bits(plain.losses));
        expect(bits(blocked.parameters)).toEqual(bits(plain.parameters));
      }
    },
  );

  it('is not trivially equal: a changed sample order changes the bits', () => {
    // The check above can fail: summing the gradients first sample first instead moves the last bits.
    const problem = randomProblem(8, 1);
    const start = initialParameters(problem.shape, 8, 'unit');
    const reversed = { ...problem, xs: problem.xs.slice(), ys: problem.ys.slice() };
    for (let s = 0; s < 8; s++) {
      reversed.xs.set(problem.xs.subarray((7 - s) * 3, (8 - s) * 3), s * 3);
      reversed.ys[s] = problem.ys[7 - s]!;
    }
    const forward = both(problem, 'tanh', start).plain.parameters;
    const backward = both(reversed, 'tanh', start).blocked.parameters;
    expect(bits(backward)).not.toEqual(bits(forward));
  });
});
