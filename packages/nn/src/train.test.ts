import {
  builtins,
  createRegistry,
  defineActivation,
  UnknownActivationError,
} from '@mg/activations';
import { compile, InvalidArgumentError } from '@mg/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDataset } from './dataset';
import { datasetLoss } from './eager-runner';
import { MLP } from './mlp';
import { type TrainOptions, type TrainResult, train } from './train';

const modes = ['compiled', 'eager'] as const;

/** Every loss, parameter and gradient of two runs is the same double (Object.is, so NaN and −0 count). */
function expectSameBits(
  a: { net: MLP; result: TrainResult },
  b: { net: MLP; result: TrainResult },
) {
  expect(a.result.losses.length).toBe(b.result.losses.length);
  a.result.losses.forEach((loss, i) => {
    if (!Object.is(loss, b.result.losses[i]))
      expect.fail(`epoch ${i}: ${loss} vs ${b.result.losses[i]}`);
  });
  expect(a.result.diverged).toEqual(b.result.diverged);
  const q = b.net.parameters();
  a.net.parameters().forEach((p, j) => {
    if (!Object.is(p.data, q[j]!.data)) expect.fail(`parameter ${j}: ${p.data} vs ${q[j]!.data}`);
    if (!Object.is(p.grad, q[j]!.grad)) expect.fail(`gradient ${j}: ${p.grad} vs ${q[j]!.grad}`);
  });
}

describe('train', () => {
  it('runs full-batch SGD on the sum of squared errors (checked by hand on a 1-1 identity net)', () => {
    for (const mode of modes) {
      const net = new MLP(1, [1], { activation: 'identity' });
      net.setParameters([0.5, 0.25]);
      const result = train(
        net,
        { xs: [[1], [2]], ys: [1, 0] },
        { epochs: 2, learningRate: 0.125, mode },
      );
      // Epoch 0: predictions 0.75, 1.25; loss 0.25² + 1.25² = 1.625;
      // dL/dw = 2(−0.25)(1) + 2(1.25)(2) = 4.5, dL/db = 2(−0.25) + 2(1.25) = 2;
      // w = 0.5 − 0.125·4.5 = −0.0625, b = 0.25 − 0.125·2 = 0.
      // Epoch 1: predictions −0.0625, −0.125; loss 1.0625² + 0.125² = 1.14453125.
      expect(result).toEqual({ losses: [1.625, 1.14453125], diverged: null });
      expect(net.getParameters()).toEqual([
        -0.0625 - 0.125 * (2 * -1.0625 + 2 * -0.125 * 2),
        0 - 0.125 * (2 * -1.0625 + 2 * -0.125),
      ]);
    }
  });

  it("'mse' divides the same sum by samples × outputs", () => {
    const data = {
      xs: [
        [1, 2],
        [0, -1],
        [3, 1],
      ],
      ys: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    };
    const sse = train(new MLP(2, [3, 2]), data, { epochs: 1, learningRate: 0.1, loss: 'sse' });
    const mse = train(new MLP(2, [3, 2]), data, { epochs: 1, learningRate: 0.1, loss: 'mse' });
    expect(mse.losses[0]).toBe(sse.losses[0]! / 6);
  });

  it.each(['sgd', 'momentum', 'adam'] as const)("'%s' lowers the loss", (optimizer) => {
    const net = new MLP(2, [4, 1], { activation: 'tanh', outputActivation: 'identity', seed: 3 });
    const xs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const { losses } = train(
      net,
      { xs, ys: [0, 1, 1, 0] },
      { epochs: 200, learningRate: 0.02, optimizer },
    );
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
  });

  it("'adam' first moves every parameter by about the learning rate against its gradient", () => {
    // At t = 1, m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
    const net = new MLP(2, [2, 1], { seed: 5 });
    const before = net.getParameters();
    train(net, { xs: [[1, -1]], ys: [0.3] }, { epochs: 1, learningRate: 0.01, optimizer: 'adam' });
    const grads = net.parameters().map((p) => p.grad);
    net.getParameters().forEach((p, j) => {
      expect(p - before[j]!).toBeCloseTo(-0.01 * Math.sign(grads[j]!), 6);
    });
  });

  it('reports each epoch to onEpoch with the model holding the parameters that gave the loss', () => {
    for (const mode of modes) {
      const net = new MLP(2, [3, 1], { activation: 'silu', seed: 11 });
      const dataset = {
        xs: [
          [1, 2],
          [-1, 0.5],
        ],
        ys: [0.5, -0.5],
      };
      const samples = checkDataset(dataset, 2, 1, 'test');
      const seen: number[] = [];
      const result = train(net, dataset, {
        epochs: 5,
        learningRate: 0.1,
        mode,
        onEpoch(epoch, loss) {
          expect(epoch).toBe(seen.length);
          expect(Object.is(datasetLoss(net, samples, 'sse').data, loss)).toBe(true);
          seen.push(loss);
        },
      });
      expect(seen).toEqual(result.losses);
    }
  });

  it('stops at a NaN or infinite loss and reports it as diverged, in both modes alike', () => {
    const run = (mode: 'compiled' | 'eager') => {
      const net = new MLP(1, [1], { activation: 'identity' });
      const calls: number[] = [];
      const result = train(
        net,
        { xs: [[3], [-2]], ys: [1, 2] },
        {
          epochs: 1000,
          learningRate: 10,
          mode,
          onEpoch: (epoch) => calls.push(epoch),
        },
      );
      expect(result.diverged).not.toBeNull();
      const { epoch, loss } = result.diverged!;
      expect(Number.isFinite(loss)).toBe(false);
      expect(result.losses).toHaveLength(epoch + 1);
      expect(Object.is(result.losses[epoch], loss)).toBe(true);
      expect(result.losses.slice(0, epoch).every(Number.isFinite)).toBe(true);
      expect(calls).toHaveLength(epoch + 1);
      return { net, result };
    };
    expectSameBits(run('compiled'), run('eager'));
  });

  it('gives the same curve for the same seed and another for another seed', () => {
    const dataset = {
      xs: [
        [0.5, 1],
        [1, -1],
        [-0.5, 0],
      ],
      ys: [1, -1, 0],
    };
    const options = { epochs: 20, learningRate: 0.05 };
    const curve = (seed: number) =>
      train(new MLP(2, [4, 1], { activation: 'tanh', seed }), dataset, options).losses;
    expect(curve(4)).toEqual(curve(4));
    expect(curve(4)).not.toEqual(curve(5));
  });

  it('compiled mode equals eager mode bit for bit on random networks and datasets', () => {
    const names = [...builtins.map((a) => a.name), 'leakyRelu(0.2)', 'elu(1.5)'];
    const finite = fc.double({ min: -2, max: 2, noNaN: true });
    const setup = fc
      .record({
        inputs: fc.integer({ min: 1, max: 3 }),
        hidden: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
        outputs: fc.integer({ min: 1, max: 2 }),
        samples: fc.integer({ min: 1, max: 4 }),
        activation: fc.constantFrom(...names),
        // Used instead of `activation` when there are hidden layers and `perLayer` is set.
        perLayer: fc.boolean(),
        layerActivations: fc.array(fc.constantFrom(...names), { minLength: 2, maxLength: 2 }),
        outputActivation: fc.constantFrom(...names),
        seed: fc.integer({ min: 0, max: 1000 }),
        loss: fc.constantFrom('sse' as const, 'mse' as const, 'bce' as const),
        optimizer: fc.constantFrom('sgd' as const, 'momentum' as const, 'adam' as const),
        epochs: fc.integer({ min: 1, max: 4 }),
        learningRate: fc.double({ min: 1e-3, max: 1, noNaN: true }),
      })
      .chain((s) =>
        fc.record({
          s: fc.constant(s),
          xs: fc.array(fc.array(finite, { minLength: s.inputs, maxLength: s.inputs }), {
            minLength: s.samples,
            maxLength: s.samples,
          }),
          ys: fc.array(fc.array(finite, { minLength: s.outputs, maxLength: s.outputs }), {
            minLength: s.samples,
            maxLength: s.samples,
          }),
        }),
      );
    fc.assert(
      fc.property(setup, ({ s, xs, ys }) => {
        const run = (mode: 'compiled' | 'eager') => {
          const perLayer = s.perLayer && s.hidden.length > 0;
          const net = new MLP(s.inputs, [...s.hidden, s.outputs], {
            activation: perLayer ? s.layerActivations.slice(0, s.hidden.length) : s.activation,
            outputActivation: s.outputActivation,
            seed: s.seed,
          });
          const { epochs, learningRate, loss, optimizer } = s;
          const options: TrainOptions = { epochs, learningRate, loss, optimizer, mode };
          // 'bce' takes targets from 0 to 1.
          const targets = s.loss === 'bce' ? ys.map((y) => y.map((t) => Math.abs(t) / 2)) : ys;
          return { net, result: train(net, { xs, ys: targets }, options) };
        };
        expectSameBits(run('compiled'), run('eager'));
      }),
      { numRuns: 60 },
    );
  });

  it("'bce' learns a two-class problem from logits, and refuses targets outside 0..1", () => {
    const xs = [[-2], [-1], [-0.5], [0.5], [1], [2]];
    const ys = [0, 0, 0, 1, 1, 1];
    const net = new MLP(1, [4, 1], { activation: 'tanh', outputActivation: 'identity', seed: 3 });
    const { losses } = train(net, { xs, ys }, { epochs: 200, learningRate: 0.5, loss: 'bce' });
    // An untrained network's logits are small: the loss starts near ln 2 and falls well below.
    expect(losses[0]).toBeGreaterThan(0.3);
    expect(losses.at(-1)!).toBeLessThan(0.1);
    expect(xs.map((x) => net.forward(x)[0]!.data > 0)).toEqual(ys.map((y) => y === 1));
    expect(() =>
      train(net, { xs, ys: [0, 0, 0, 1, 1, -1] }, { epochs: 1, learningRate: 0.1, loss: 'bce' }),
    ).toThrow(
      "Argument 'dataset.ys[5]' passed to 'train' must be targets from 0 to 1 (class 0 or 1) for loss 'bce', but got number -1",
    );
  });

  it('folds each layer of a per-layer network into one tape instruction, as a uniform one', () => {
    // The tape's instruction array is internal; the engine's tests show that a uniform network
    // folds each layer, so the same length here means the per-layer one folds as well.
    const code = (activation: string | string[]) => {
      const net = new MLP(2, [4, 4, 1], { activation, outputActivation: 'identity' });
      const tape = compile(datasetLoss(net, { xs: [[0.5, -1]], ys: [[1]] }, 'sse'));
      return (tape as unknown as { code: Int32Array }).code.length;
    };
    expect(code(['tanh', 'leakyRelu(0.2)'])).toBe(code('tanh'));
  });

  it('compiled mode equals eager mode bit for bit for 1–13 samples (blocks of four and remainders)', () => {
    // Compiled mode runs the samples in passes of four, the last pass taking the remainder.
    const xs = Array.from({ length: 13 }, (_, i) => [Math.sin(i + 1), Math.cos(3 * i), i / 7 - 1]);
    const ys = xs.map((x) => [x[0]! * x[1]!, x[2]! - 0.5]);
    for (let count = 1; count <= 13; count++) {
      const run = (mode: 'compiled' | 'eager') => {
        const net = new MLP(3, [5, 4, 2], { activation: 'tanh', seed: count });
        const dataset = { xs: xs.slice(0, count), ys: ys.slice(0, count) };
        const options: TrainOptions = { epochs: 3, learningRate: 0.1, loss: 'mse', mode };
        return { net, result: train(net, dataset, options) };
      };
      expectSameBits(run('compiled'), run('eager'));
    }
  });

  it('trains with a third-party activation registered in a private registry', () => {
    // ELU (Clevert et al. 2015): x if x > 0, else e^x − 1; f' = 1 or e^x = y + 1.
    const elu = defineActivation({
      name: 'elu',
      description: 'ELU: x if x > 0, else e^x - 1',
      reference: 'https://arxiv.org/abs/1511.07289',
      forward: (x) => (x > 0 ? x : Math.expm1(x)),
      derivative: (x, y) => (x > 0 ? 1 : y + 1),
    });
    const registry = createRegistry(builtins).register(elu);
    const net = new MLP(2, [6, 1], { activation: 'elu', outputActivation: 'identity', registry });
    expect(net.activation).toBe(elu);
    const xs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [0.5, 0.5],
    ];
    const result = train(net, { xs, ys: [0, 1, 1, 0, 0.5] }, { epochs: 300, learningRate: 0.02 });
    expect(result.diverged).toBeNull();
    expect(result.losses.at(-1)!).toBeLessThan(result.losses[0]! / 2);
    expect(() => new MLP(2, [1], { activation: 'elu' })).toThrow(UnknownActivationError);
  });
});

describe('train bad arguments', () => {
  const net = () => new MLP(2, [3, 1]);
  const ok = {
    xs: [
      [1, 2],
      [3, 4],
    ],
    ys: [1, 0],
  };
  const expectInvalid = (call: () => unknown, argument: string, text: string) => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as Error).message).toContain("passed to 'train'");
      expect((error as Error).message).toContain(text);
      return;
    }
    expect.fail(`expected an InvalidArgumentError for '${argument}'`);
  };
  const opts = { epochs: 2, learningRate: 0.1 };

  it('rejects a model that is not an MLP', () => {
    expectInvalid(() => train({} as MLP, ok, opts), 'model', 'must be an MLP');
  });

  it.each([
    ['no dataset', undefined, 'dataset', 'an object { xs'],
    ['an empty dataset', { xs: [], ys: [] }, 'dataset.xs', 'a non-empty array'],
    ['xs not an array', { xs: 'abc', ys: [] }, 'dataset.xs', 'a non-empty array'],
    [
      'fewer ys than xs',
      {
        xs: [
          [1, 2],
          [3, 4],
        ],
        ys: [1],
      },
      'dataset.ys',
      'an array of 2 targets',
    ],
    [
      'rows of unequal length',
      {
        xs: [
          [1, 2],
          [3, 4, 5],
        ],
        ys: [1, 0],
      },
      'dataset.xs[1]',
      'an array of 2 finite numbers',
    ],
    [
      'rows shorter than the inputs',
      { xs: [[1], [3]], ys: [1, 0] },
      'dataset.xs[0]',
      "the network's inputs",
    ],
    [
      'a NaN input',
      {
        xs: [
          [1, 2],
          [3, Number.NaN],
        ],
        ys: [1, 0],
      },
      'dataset.xs[1][1]',
      'but got number NaN',
    ],
    [
      'an infinite target',
      {
        xs: [
          [1, 2],
          [3, 4],
        ],
        ys: [1, Number.POSITIVE_INFINITY],
      },
      'dataset.ys[1]',
      'a finite number',
    ],
    [
      'a target of the wrong length',
      {
        xs: [
          [1, 2],
          [3, 4],
        ],
        ys: [[1], [0, 1]],
      },
      'dataset.ys[1]',
      'an array of 1 finite numbers',
    ],
  ])('rejects %s', (_, dataset, argument, text) => {
    expectInvalid(() => train(net(), dataset as never, opts), argument, text);
  });

  it('rejects a number target for a network with several outputs', () => {
    expectInvalid(
      () => train(new MLP(2, [2]), ok, opts),
      'dataset.ys[0]',
      'an array of 2 finite numbers',
    );
  });

  it.each([
    ['epochs', { epochs: 0, learningRate: 0.1 }, 'options.epochs', 'a positive integer'],
    ['epochs', { epochs: 2.5, learningRate: 0.1 }, 'options.epochs', 'a positive integer'],
    ['epochs', { epochs: '10', learningRate: 0.1 }, 'options.epochs', "string '10'"],
    [
      'learningRate',
      { epochs: 1, learningRate: 0 },
      'options.learningRate',
      'a positive finite number',
    ],
    [
      'learningRate',
      { epochs: 1, learningRate: -0.1 },
      'options.learningRate',
      'but got number -0.1',
    ],
    ['learningRate', { epochs: 1, learningRate: Number.NaN }, 'options.learningRate', 'NaN'],
    [
      'learningRate',
      { epochs: 1, learningRate: Number.POSITIVE_INFINITY },
      'options.learningRate',
      'Infinity',
    ],
    [
      'loss',
      { epochs: 1, learningRate: 0.1, loss: 'mae' },
      'options.loss',
      "one of 'sse', 'mse', 'bce'",
    ],
    [
      'optimizer',
      { epochs: 1, learningRate: 0.1, optimizer: 'rmsprop' },
      'options.optimizer',
      "'adam'",
    ],
    [
      'mode',
      { epochs: 1, learningRate: 0.1, mode: 'jit' },
      'options.mode',
      "one of 'compiled', 'eager'",
    ],
    ['onEpoch', { epochs: 1, learningRate: 0.1, onEpoch: 'log' }, 'options.onEpoch', 'a function'],
    ['options', null, 'options', 'an object'],
    [
      'epoch count whose loss history cannot be held (V8 aborted after minutes)',
      { epochs: 2e8, learningRate: 0.1 },
      'options.epochs',
      'must be at most 1,000,000 (maxEpochs: the loss history must fit in memory), but got number 200000000',
    ],
    [
      'option key',
      { epochs: 1, learningRate: 0.1, optimiser: 'adam' },
      'options',
      "has an unknown key 'optimiser'. Did you mean 'optimizer'?",
    ],
    [
      'option key',
      { epoch: 1, learningRate: 0.1 },
      'options',
      "has an unknown key 'epoch'. Did you mean 'epochs'?",
    ],
  ])('rejects a bad %s', (_, options, argument, text) => {
    expectInvalid(() => train(net(), ok, options as never), argument, text);
  });
});
