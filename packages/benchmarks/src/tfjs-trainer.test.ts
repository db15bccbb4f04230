import { getActivation } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainHandWritten } from './hand-written';
import { type TfjsBackend, trainTfjs, useTfjsBackend } from './tfjs-trainer';
import { defaultComparison } from './workloads';

describe.each(['cpu', 'wasm'] as TfjsBackend[])('trainTfjs on the %s backend', (backend) => {
  beforeAll(() => useTfjsBackend(backend));
  const short = { ...defaultComparison, epochs: 3 };

  it.each(defaultComparison.activations.map((name, index) => [name, index] as const))(
    'agrees with the float64 reference to float32 precision with %s',
    (name, index) => {
      const start = defaultComparison.initialParameters(index);
      const reference = trainHandWritten(short, getActivation(name), start.slice());
      const losses = trainTfjs(short, name, start.slice());
      // NOTE: tfjs computes in float32 (epsilon 1.2e-7): parameters, data and sums are rounded to
      // it, so its losses agree to ~1e-7 relative (measured at most 2e-7 here), not to 1e-16.
      for (let epoch = 0; epoch < short.epochs; epoch++) {
        const difference = Math.abs(losses[epoch]! - reference[epoch]!);
        expect(difference).toBeLessThanOrEqual(1e-6 * Math.abs(reference[epoch]!));
      }
    },
  );

  it(`uses the ${backend} backend`, async () => {
    const tf = await import('@tensorflow/tfjs');
    expect(tf.getBackend()).toBe(backend);
  });

  it('rejects an activation it has no version of, and parameters of the wrong count', () => {
    const start = defaultComparison.initialParameters(0);
    expect(() => trainTfjs(short, 'mish', start)).toThrow(InvalidArgumentError);
    expect(() => trainTfjs(short, 'mish', start)).toThrow(
      /Argument 'activationName' passed to 'trainTfjs' must be one of identity, .*gaussian, but got string 'mish'/,
    );
    expect(() => trainTfjs(short, 'tanh', start.subarray(1))).toThrow(/'parameters'/);
  });
});
