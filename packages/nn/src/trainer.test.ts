import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { NetworkError } from './errors';
import { createEvaluator } from './evaluator';
import { MLP } from './mlp';
import type { OptimizerName } from './optimizers';
import { train } from './train';
import { createTrainer } from './trainer';

const xor = {
  xs: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  ys: [-1, 1, 1, -1],
};

const bits = (net: MLP) => net.parameters().flatMap((p) => [p.data, p.grad]);

describe('createTrainer', () => {
  it.each<[OptimizerName, 'compiled' | 'eager']>([
    ['sgd', 'compiled'],
    ['momentum', 'compiled'],
    ['adam', 'compiled'],
    ['adam', 'eager'],
  ])("gives train's losses, parameters and gradients bit for bit (%s, %s)", (optimizer, mode) => {
    const options = { learningRate: 0.05, optimizer, mode, loss: 'mse' as const };
    const byTrain = new MLP(2, [4, 1], { activation: 'tanh', seed: 3 });
    const { losses } = train(byTrain, xor, { ...options, epochs: 25 });
    const byStep = new MLP(2, [4, 1], { activation: 'tanh', seed: 3 });
    const trainer = createTrainer(byStep, xor, options);
    const stepped = Array.from({ length: 25 }, () => trainer.step());
    trainer.sync();
    expect(stepped).toEqual(losses);
    expect(trainer.epochs).toBe(25);
    // Momentum's and Adam's state carries over between steps, or the parameters would differ.
    expect(bits(byStep)).toEqual(bits(byTrain));
  });

  it('leaves the model alone until sync', () => {
    const net = new MLP(2, [2, 1], { activation: 'tanh', seed: 1 });
    const before = net.getParameters();
    const trainer = createTrainer(net, xor, { learningRate: 0.1 });
    trainer.step();
    expect(net.getParameters()).toEqual(before);
    trainer.sync();
    expect(net.getParameters()).not.toEqual(before);
  });

  it('does not update on a non-finite loss: the parameters that produced it stay', () => {
    const net = new MLP(1, [1], { activation: 'identity' });
    const trainer = createTrainer(net, { xs: [[3], [-2]], ys: [1, 2] }, { learningRate: 10 });
    let loss = trainer.step();
    while (Number.isFinite(loss)) loss = trainer.step();
    trainer.sync();
    const stuck = net.getParameters();
    expect(Number.isFinite(trainer.step())).toBe(false);
    trainer.sync();
    expect(net.getParameters()).toEqual(stuck);
  });

  it('rejects bad arguments, naming createTrainer', () => {
    const net = new MLP(2, [1]);
    expect(() => createTrainer({} as MLP, xor, { learningRate: 1 })).toThrow(InvalidArgumentError);
    expect(() => createTrainer(net, xor, { learningRate: 0 })).toThrow(
      "Argument 'options.learningRate' passed to 'createTrainer' must be a positive finite number, but got number 0",
    );
    expect(() => createTrainer(net, xor, null as never)).toThrow(
      "Argument 'options' passed to 'createTrainer' must be an object with keys among learningRate,",
    );
    expect(() => createTrainer(net, xor, { learningRate: 1, epochs: 3 } as never)).toThrow(
      "Argument 'options' passed to 'createTrainer' has an unknown key 'epochs'.",
    );
    expect(() => createTrainer(net, { xs: [[1]], ys: [1] }, { learningRate: 1 })).toThrow(
      /createTrainer/,
    );
  });
});

describe('Trainer.lastOutputs', () => {
  const data = {
    xs: [
      [2, 3, -1],
      [3, -1, 0.5],
      [0.5, 1, 1],
      [1, 1, -1],
      [-0.5, 2, 0.25],
    ],
    ys: [
      [1, 0],
      [-1, 0.5],
      [-1, 1],
      [1, -0.5],
      [0, 0],
    ],
  };

  for (const mode of ['compiled', 'eager'] as const) {
    it(`gives the outputs of each step's forward pass, as an evaluator sees them (${mode})`, () => {
      const net = new MLP(3, [4, 2], { activation: 'tanh', seed: 3 });
      const trainer = createTrainer(net, data, { learningRate: 0.05, mode });
      const evaluator = createEvaluator(net, data);
      expect(() => trainer.lastOutputs()).toThrow(NetworkError);
      expect(() => trainer.lastOutputs()).toThrow('before the first step()');
      for (let epoch = 0; epoch < 3; epoch++) {
        trainer.sync();
        const before = evaluator.evaluate().outputs;
        trainer.step();
        const outputs = trainer.lastOutputs();
        expect(outputs).toHaveLength(5 * 2);
        expect(Array.from(outputs).every((o, i) => Object.is(o, before[i]))).toBe(true);
        // A new array each time: changing it changes nothing.
        outputs[0] = 99;
        expect(trainer.lastOutputs()[0]).toBe(before[0]);
      }
    });
  }
});
