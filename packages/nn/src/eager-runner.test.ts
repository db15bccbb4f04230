import { builtins } from '@mg/activations';
import { zeroGrad } from '@mg/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDataset } from './dataset';
import { datasetLoss } from './eager-runner';
import { MLP } from './mlp';
import { lossNames } from './sample-loss';
import { createTrainer } from './trainer';

describe('eager mode, one sample graph at a time', () => {
  it('gives the loss and gradients of one graph over the whole dataset, bit for bit', () => {
    const finite = fc.double({ min: -2, max: 2, noNaN: true });
    const setup = fc
      .record({
        inputs: fc.integer({ min: 1, max: 3 }),
        hidden: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
        outputs: fc.integer({ min: 1, max: 2 }),
        samples: fc.integer({ min: 1, max: 9 }),
        activation: fc.constantFrom(...builtins.map((a) => a.name)),
        seed: fc.integer({ min: 0, max: 1000 }),
        loss: fc.constantFrom(...lossNames),
      })
      .chain((s) =>
        fc.record({
          s: fc.constant(s),
          xs: fc.array(fc.array(finite, { minLength: s.inputs, maxLength: s.inputs }), {
            minLength: s.samples,
            maxLength: s.samples,
          }),
          // Targets in [0, 1] suit every loss, 'bce' included.
          ys: fc.array(
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: s.outputs,
              maxLength: s.outputs,
            }),
            { minLength: s.samples, maxLength: s.samples },
          ),
        }),
      );
    fc.assert(
      fc.property(setup, ({ s, xs, ys }) => {
        const make = () =>
          new MLP(s.inputs, [...s.hidden, s.outputs], { activation: s.activation, seed: s.seed });
        const whole = make();
        const root = datasetLoss(
          whole,
          checkDataset({ xs, ys }, s.inputs, s.outputs, 'test'),
          s.loss,
        );
        zeroGrad(whole.parameters());
        root.backward();
        const stepped = make();
        const trainer = createTrainer(
          stepped,
          { xs, ys },
          { learningRate: 0.1, loss: s.loss, mode: 'eager' },
        );
        expect(Object.is(trainer.step(), root.data)).toBe(true);
        const expected = whole.parameters().map((p) => p.grad);
        stepped.parameters().forEach((p, j) => {
          if (!Object.is(p.grad, expected[j]))
            expect.fail(`gradient ${j}: ${p.grad} vs ${expected[j]}`);
        });
      }),
      { numRuns: 150 },
    );
  });
});
