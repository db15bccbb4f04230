import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluator';
import { MLP } from './mlp';
import { train } from './train';
import { createTrainer } from './trainer';

const xs = [
  [0.5, -1],
  [1, 2],
  [-0.25, 0.75],
  [2, 0],
];
const ys = [1, 0, 0, 1];

describe('createEvaluator', () => {
  it.each(['sse', 'mse', 'bce'] as const)(
    "gives train's '%s' loss for the same parameters, bit for bit",
    (loss) => {
      const make = () =>
        new MLP(2, [3, 3, 1], {
          activation: ['tanh', 'relu'],
          outputActivation: 'identity',
          seed: 7,
        });
      const trained = make();
      const { losses } = train(trained, { xs, ys }, { epochs: 5, learningRate: 0.1, loss });
      const net = make();
      const trainer = createTrainer(net, { xs, ys }, { learningRate: 0.1, loss });
      const evaluator = createEvaluator(net, { xs, ys }, { loss });
      for (let epoch = 0; epoch < 5; epoch++) {
        expect(Object.is(evaluator.evaluate().loss, losses[epoch])).toBe(true);
        trainer.step();
        trainer.sync();
      }
    },
  );

  it("returns the network's outputs, sample by sample", () => {
    const net = new MLP(2, [4, 2], { activation: 'gelu', seed: 2 });
    const { outputs } = createEvaluator(net, { xs, ys: ys.map((y) => [y, -y]) }).evaluate();
    expect(Array.from(outputs)).toEqual(xs.flatMap((x) => net.forward(x).map((o) => o.data)));
  });

  it('reads the parameters the model holds at each call', () => {
    const net = new MLP(2, [1], { activation: 'identity' });
    const evaluator = createEvaluator(net, { xs, ys });
    net.setParameters([0, 0, 0.5]);
    expect(Array.from(evaluator.evaluate().outputs)).toEqual([0.5, 0.5, 0.5, 0.5]);
    net.setParameters([1, 0, 0]);
    expect(Array.from(evaluator.evaluate().outputs)).toEqual([0.5, 1, -0.25, 2]);
  });

  it('rejects bad arguments with typed errors', () => {
    const net = new MLP(2, [1]);
    expect(() => createEvaluator({} as MLP, { xs, ys })).toThrow(InvalidArgumentError);
    expect(() => createEvaluator(net, { xs, ys: [1] })).toThrow("'dataset.ys'");
    expect(() => createEvaluator(net, { xs, ys }, { loss: 'mae' as never })).toThrow(
      "Argument 'options.loss' passed to 'createEvaluator'",
    );
    expect(() => createEvaluator(net, { xs, ys }, { los: 'mse' } as never)).toThrow(
      "Argument 'options' passed to 'createEvaluator' has an unknown key 'los'. Did you mean 'loss'?",
    );
  });
});
