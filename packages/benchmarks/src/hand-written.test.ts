import { getActivation } from '@mg/activations';
import { MLP, train } from '@mg/nn';
import { describe, expect, it } from 'vitest';
import { trainHandWritten } from './hand-written';
import { maxRelativeDifference } from './statistics';
import { biggerMlp, defaultComparison, rows, type TrainingProblem } from './workloads';

/** @mg/nn's losses for the same problem, start and activation. */
function nnLosses(
  problem: TrainingProblem,
  activation: string,
  start: Float64Array,
  mode: 'eager' | 'compiled',
) {
  const mlp = new MLP(problem.shape.inputs, problem.shape.layers, { activation });
  mlp.setParameters(start);
  const dataset = { xs: rows(problem.xs, problem.shape.inputs), ys: Array.from(problem.ys) };
  return train(mlp, dataset, { epochs: problem.epochs, learningRate: problem.learningRate, mode })
    .losses;
}

describe('trainHandWritten', () => {
  const short = { ...defaultComparison, epochs: 20 };

  it.each(defaultComparison.activations.map((name, index) => [name, index] as const))(
    "reproduces @mg/nn's losses on workload A (20 epochs) with %s",
    (name, index) => {
      const start = defaultComparison.initialParameters(index);
      const reference = Array.from(trainHandWritten(short, getActivation(name), start.slice()));
      for (const mode of ['compiled', 'eager'] as const) {
        const losses = nnLosses(short, name, start, mode);
        expect(maxRelativeDifference([losses], [reference])).toBeLessThanOrEqual(1e-12);
      }
    },
  );

  it("reproduces @mg/nn's losses on workload B's network (2 epochs)", () => {
    const problem = { ...biggerMlp, epochs: 2 };
    const start = biggerMlp.initialParameters(0);
    const reference = Array.from(trainHandWritten(problem, getActivation('tanh'), start.slice()));
    const losses = nnLosses(problem, 'tanh', start, 'compiled');
    expect(maxRelativeDifference([losses], [reference])).toBeLessThanOrEqual(1e-12);
    // Workload B's network trained twice: seconds alone, a minute or more on a busy machine.
  }, 300_000);

  it('steps along minus the gradient of the loss (against central differences)', () => {
    // Independent of the engine: one epoch's update is −lr · ∂loss/∂p, and the loss alone
    // (the first epoch's) is checked by finite differences, parameter by parameter.
    const problem = { ...defaultComparison, epochs: 1 };
    const tanh = getActivation('tanh');
    const start = defaultComparison.initialParameters(3);
    const after = start.slice();
    trainHandWritten(problem, tanh, after);
    const loss = (p: Float64Array) => trainHandWritten(problem, tanh, p.slice())[0]!;
    const h = 1e-6;
    for (let k = 0; k < start.length; k++) {
      const gradient = (start[k]! - after[k]!) / problem.learningRate;
      const plus = start.slice();
      const minus = start.slice();
      plus[k]! += h;
      minus[k]! -= h;
      const numeric = (loss(plus) - loss(minus)) / (2 * h);
      expect(Math.abs(gradient - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('computes the first loss as Σ (prediction − target)² (checked by hand for a 1-1 identity net)', () => {
    // prediction = 0.5 + 2·x; samples x = 1, 3 with targets 2, 0: errors 0.5 and 6.5.
    const problem: TrainingProblem = {
      shape: { inputs: 1, layers: [1] },
      samples: 2,
      xs: Float64Array.from([1, 3]),
      ys: Float64Array.from([2, 0]),
      epochs: 1,
      learningRate: 0.1,
    };
    const parameters = Float64Array.from([2, 0.5]);
    const [loss] = trainHandWritten(problem, getActivation('identity'), parameters);
    expect(loss).toBe(0.25 + 42.25);
    // ∂/∂w = Σ 2·error·x = 2·0.5·1 + 2·6.5·3 = 40; ∂/∂b = 2·0.5 + 2·6.5 = 14.
    expect(parameters[0]).toBeCloseTo(2 - 0.1 * 40, 12);
    expect(parameters[1]).toBeCloseTo(0.5 - 0.1 * 14, 12);
  });
});
