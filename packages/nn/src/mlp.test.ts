import { builtins, createRegistry, UnknownActivationError } from '@mg/activations';
import { InvalidArgumentError, Op, topologicalOrder, UnknownOptionError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { MLP } from './mlp';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('MLP structure', () => {
  it('has one layer per size, each neuron with one weight per input of its layer', () => {
    const net = new MLP(3, [4, 2, 1]);
    expect(net.inputs).toBe(3);
    expect(net.layerSizes).toEqual([4, 2, 1]);
    expect(net.layers.map((l) => l.neurons.length)).toEqual([4, 2, 1]);
    expect(net.layers.map((l) => l.neurons[0]!.w.length)).toEqual([3, 4, 2]);
    expect(net.parameterCount).toBe(4 * 4 + 2 * 5 + 1 * 3);
    expect(net.parameters()).toHaveLength(net.parameterCount);
  });

  it('orders parameters layer by layer, neuron by neuron, weights in input order, then the bias', () => {
    const net = new MLP(2, [2, 1]);
    const [l0, l1] = net.layers;
    const [n00, n01] = l0!.neurons;
    const [n10] = l1!.neurons;
    const expected = [...n00!.w, n00!.b, ...n01!.w, n01!.b, ...n10!.w, n10!.b];
    expect(net.parameters()).toHaveLength(expected.length);
    expect(net.parameters().every((p, i) => p === expected[i])).toBe(true);
    net.setParameters([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(n01!.w.map((w) => w.data)).toEqual([4, 5]);
    expect(n01!.b.data).toBe(6);
    expect(n10!.b.data).toBe(9);
    expect(net.getParameters()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('builds each neuron as one dot node and one activation node', () => {
    const net = new MLP(3, [2, 1], { activation: 'tanh' });
    const [y] = net.forward([1, 2, 3]);
    expect(y!.op).toBe(Op.unary);
    const pre = y!.a!;
    expect(pre.op).toBe(Op.dot);
    expect(pre.terms).toEqual(net.layers[1]!.neurons[0]!.w);
    expect(pre.a).toBe(net.layers[1]!.neurons[0]!.b);
    // 3 inputs + 11 parameters + 3 neurons × 2 nodes.
    expect(topologicalOrder(y!)).toHaveLength(3 + 11 + 6);
  });

  it('computes activation(b + Σ w·x) layer by layer (checked by hand-written loops)', () => {
    const net = new MLP(2, [2, 1], { activation: 'tanh', outputActivation: 'sigmoid' });
    const p = [0.5, -0.25, 0.1, -0.75, 0.3, -0.2, 1.5, -2, 0.4];
    net.setParameters(p);
    const x = [0.7, -1.3];
    const h0 = Math.tanh(p[2]! + p[0]! * x[0]! + p[1]! * x[1]!);
    const h1 = Math.tanh(p[5]! + p[3]! * x[0]! + p[4]! * x[1]!);
    const out = sigmoid(p[8]! + p[6]! * h0 + p[7]! * h1);
    const [y] = net.forward(x);
    expect(y!.data).toBeCloseTo(out, 15);
  });

  it("defaults to sigmoid everywhere, and applies 'outputActivation' to the last layer only", () => {
    const plain = new MLP(1, [2, 2, 1]);
    expect(plain.activation.name).toBe('sigmoid');
    expect(plain.outputActivation).toBe(plain.activation);
    const net = new MLP(1, [2, 2, 1], { activation: 'relu', outputActivation: 'identity' });
    expect(net.layers.map((l) => l.neurons[0]!.activation.name)).toEqual([
      'relu',
      'relu',
      'identity',
    ]);
    // An identity output can be negative, which a sigmoid output cannot.
    net.setParameters(net.getParameters().map((_, i) => (i === net.parameterCount - 1 ? -5 : 0.1)));
    expect(net.forward([1])[0]!.data).toBeLessThan(0);
  });

  it('takes one activation per hidden layer; the output defaults to the last hidden one', () => {
    const net = new MLP(2, [3, 3, 1], { activation: ['tanh', 'leakyRelu(0.2)'] });
    expect(net.layerActivations.map((a) => a.name)).toEqual([
      'tanh',
      'leakyRelu(0.2)',
      'leakyRelu(0.2)',
    ]);
    expect(net.layers.map((l) => l.neurons.map((n) => n.activation.name))).toEqual([
      ['tanh', 'tanh', 'tanh'],
      ['leakyRelu(0.2)', 'leakyRelu(0.2)', 'leakyRelu(0.2)'],
      ['leakyRelu(0.2)'],
    ]);
    expect(net.activation.name).toBe('tanh');
    const logits = new MLP(2, [3, 3, 1], {
      activation: ['relu', 'tanh'],
      outputActivation: 'identity',
    });
    expect(logits.layerActivations.map((a) => a.name)).toEqual(['relu', 'tanh', 'identity']);
    // One activation for all is the same as a list that repeats it.
    expect(new MLP(1, [2, 2, 1]).layerActivations.map((a) => a.name)).toEqual([
      'sigmoid',
      'sigmoid',
      'sigmoid',
    ]);
    expect(new MLP(1, [1], { activation: 'relu' }).layerActivations.map((a) => a.name)).toEqual([
      'relu',
    ]);
  });

  it('computes a per-layer network layer by layer (checked by hand-written loops)', () => {
    const net = new MLP(1, [1, 1, 1], {
      activation: ['tanh', 'relu'],
      outputActivation: 'sigmoid',
    });
    net.setParameters([0.5, -0.1, -2, 0.3, 1.5, 0.2]);
    const h1 = Math.tanh(-0.1 + 0.5 * 0.8);
    const h2 = Math.max(0, 0.3 - 2 * h1);
    expect(net.forward([0.8])[0]!.data).toBe(sigmoid(0.2 + 1.5 * h2));
  });

  it('refuses a list of the wrong length, naming the bad entry otherwise', () => {
    expect(() => new MLP(2, [3, 3, 1], { activation: ['tanh'] })).toThrow(
      "Argument 'options.activation' passed to 'new MLP' must be one activation, or a list of 2 " +
        '(one per hidden layer), but got an array of length 1',
    );
    expect(() => new MLP(2, [1], { activation: ['tanh'] })).toThrow(
      'must be one activation (this network has no hidden layer)',
    );
    expect(() => new MLP(2, [3, 3, 1], { activation: ['tanh', 'rleu'] })).toThrow(
      "Argument 'options.activation[1]' passed to 'new MLP': Unknown activation 'rleu'. Did you mean 'relu'?",
    );
    expect(() => new MLP(2, [3, 3, 1], { activation: ['tanh', 7 as never] })).toThrow(
      InvalidArgumentError,
    );
  });

  it('accepts activation objects as well as names', () => {
    const [, , tanh] = builtins;
    const net = new MLP(1, [1], { activation: tanh! });
    expect(net.activation).toBe(tanh);
  });

  it('zeroGrad resets every parameter gradient', () => {
    const net = new MLP(2, [3, 1]);
    net.forward([1, 2])[0]!.backward();
    expect(net.parameters().some((p) => p.grad !== 0)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === 0)).toBe(true);
  });
});

describe('MLP seeds', () => {
  it('defaults to seed 0; the same seed gives the same parameters, another seed others', () => {
    const a = new MLP(3, [4, 1]).getParameters();
    expect(new MLP(3, [4, 1], { seed: 0 }).getParameters()).toEqual(a);
    expect(new MLP(3, [4, 1], { seed: 1 }).getParameters()).not.toEqual(a);
    expect(new MLP(3, [4, 1], { seed: 1 }).getParameters()).toEqual(
      new MLP(3, [4, 1], { seed: 1 }).getParameters(),
    );
  });

  it('pins seed 0 (same numbers as initialParameters, NumPy-checked there)', () => {
    expect(new MLP(3, [2, 1], { seed: 0 }).getParameters().slice(0, 4)).toEqual([
      -0.7518716761163555, 0.5442387168557588, 0.15371142191469178, 0.74504670834707,
    ]);
  });

  it("'xavier' and 'he' give zero biases", () => {
    for (const init of ['xavier', 'he'] as const) {
      const net = new MLP(4, [3, 1], { init });
      expect(net.layers.flatMap((l) => l.neurons.map((n) => n.b.data))).toEqual([0, 0, 0, 0]);
    }
  });
});

describe('MLP bad arguments', () => {
  const expectInvalid = (build: () => unknown, argument: string, text: string) => {
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as Error).message).toContain(text);
      return;
    }
    expect.fail(`expected an InvalidArgumentError for '${argument}'`);
  };

  it.each([0, -1, 1.5, Number.NaN, '3'])('rejects inputs %s', (inputs) => {
    expectInvalid(() => new MLP(inputs as number, [1]), 'inputs', 'must be a positive integer');
  });

  it.each([
    [[], 'layerSizes'],
    ['4', 'layerSizes'],
    [[4, 0], 'layerSizes[1]'],
    [[2.5], 'layerSizes[0]'],
    [[3, -1, 1], 'layerSizes[1]'],
  ])('rejects layerSizes %j', (sizes, argument) => {
    expectInvalid(() => new MLP(2, sizes as number[]), argument, 'must be a');
  });

  it.each([-1, 0.5, 2 ** 32, Number.NaN, '1'])('rejects seed %s', (seed) => {
    expectInvalid(() => new MLP(2, [1], { seed: seed as number }), 'options.seed', 'but got');
  });

  it('rejects an unknown init, a non-object options, a bad registry and a non-activation', () => {
    expectInvalid(
      () => new MLP(2, [1], { init: 'glorot' as 'he' }),
      'options.init',
      "one of 'uniform'",
    );
    expectInvalid(
      () => new MLP(2, [1], null as never),
      'options',
      'an object with keys among activation',
    );
    expectInvalid(
      () => new MLP(2, [1], { registry: {} as never }),
      'options.registry',
      'ActivationRegistry',
    );
    expectInvalid(
      () => new MLP(2, [1], { activation: 42 as never }),
      'options.activation',
      'but got number 42',
    );
    expectInvalid(
      () => new MLP(2, [1], { outputActivation: {} as never }),
      'options.outputActivation',
      'activation name',
    );
  });

  it('rejects a misspelt option key, naming it and the closest known one', () => {
    const build = () => new MLP(2, [1], { activaton: 'relu' } as never);
    expect(build).toThrow(UnknownOptionError);
    expect(build).toThrow(
      "Argument 'options' passed to 'new MLP' has an unknown key 'activaton'. Did you mean 'activation'? Known keys: activation, outputActivation, seed, registry, init",
    );
  });

  it('refuses a network too large to build, instead of letting V8 abort the process', () => {
    expect(() => new MLP(100_000, [100_000, 1])).toThrow(
      "Argument 'layerSizes' passed to 'new MLP' must be sizes that make at most 10,000,000 parameters in all (these make 10,000,200,001), but got an array of length 2",
    );
    expect(() => new MLP(9, [1000])).not.toThrow();
  });

  it("throws the registry's error for an unknown name, naming the option that held it", () => {
    expect(() => new MLP(2, [1], { activation: 'rleu' })).toThrow(UnknownActivationError);
    expect(() => new MLP(2, [1], { activation: 'rleu' })).toThrow(
      "Argument 'options.activation' passed to 'new MLP': Unknown activation 'rleu'. Did you mean 'relu'? Known: identity,",
    );
    expect(() => new MLP(2, [1], { outputActivation: 'identiy' })).toThrow(
      /^Argument 'options.outputActivation' passed to 'new MLP': Unknown activation 'identiy'\. Did you mean 'identity'\?/,
    );
    expect(() => new MLP(2, [1], { activation: 'tanh', registry: createRegistry() })).toThrow(
      UnknownActivationError,
    );
  });

  it.each([
    [[1], 'x'],
    [[1, 2, 3], 'x'],
    ['12', 'x'],
    [[1, Number.NaN], 'x[1]'],
    [[Number.POSITIVE_INFINITY, 1], 'x[0]'],
    [[1, '2'], 'x[1]'],
  ])('forward rejects %j', (x, argument) => {
    expectInvalid(
      () => new MLP(2, [1]).forward(x as number[]),
      argument,
      "passed to 'MLP.forward'",
    );
  });

  it.each([
    [[1, 2], 'flat'],
    [null, 'flat'],
    [[1, 2, Number.NaN], 'flat[2]'],
    [[1, undefined, 3], 'flat[1]'],
  ])('setParameters rejects %j and leaves the parameters alone', (flat, argument) => {
    const net = new MLP(2, [1]);
    const before = net.getParameters();
    expectInvalid(
      () => net.setParameters(flat as number[]),
      argument,
      "passed to 'MLP.setParameters'",
    );
    expect(net.getParameters()).toEqual(before);
  });

  it('setParameters takes typed arrays', () => {
    const net = new MLP(2, [1]);
    net.setParameters(Float64Array.of(0.5, 0.25, 0.125));
    expect(net.getParameters()).toEqual([0.5, 0.25, 0.125]);
  });
});
