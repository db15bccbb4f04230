import { describe, expect, it } from 'vitest';
import { createOptimizer, optimizerNames } from './optimizers';

describe('createOptimizer: step by slots', () => {
  const params = [0.5, -1.25, 3, 1e-3];
  const grads = [0.1, -0.7, 2.5, -4];

  /** One step with parameter j held at `slots[j]`; returns the parameters in parameter order. */
  function stepAt(name: (typeof optimizerNames)[number], slots: number[]): number[] {
    const size = Math.max(...slots) + 1;
    const values = new Float64Array(size).fill(Number.NaN);
    const gradients = new Float64Array(size).fill(Number.NaN);
    slots.forEach((slot, j) => {
      values[slot] = params[j]!;
      gradients[slot] = grads[j]!;
    });
    const optimizer = createOptimizer(name, 0.05, Int32Array.from(slots));
    optimizer.step(values, gradients);
    optimizer.step(values, gradients);
    return slots.map((slot) => values[slot]!);
  }

  it.each(optimizerNames)(
    '%s: parameters in leading slots, in other slots, or in Values agree',
    (name) => {
      const leading = stepAt(name, [0, 1, 2, 3]);
      expect(stepAt(name, [5, 2, 7, 0])).toEqual(leading);
      const values = params.map((data, j) => ({ data, grad: grads[j]! }));
      const optimizer = createOptimizer(name, 0.05, Int32Array.from([0, 1, 2, 3]));
      optimizer.stepValues(values as never);
      optimizer.stepValues(values as never);
      expect(values.map((v) => v.data)).toEqual(leading);
    },
  );

  it('sgd: p − lr · grad per step', () => {
    expect(stepAt('sgd', [0, 1, 2, 3])).toEqual(
      params.map((p, j) => p - 0.05 * grads[j]! - 0.05 * grads[j]!),
    );
  });
});
