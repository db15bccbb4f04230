import {
  builtins,
  createRegistry,
  defineActivation,
  UnknownActivationError,
} from '@mg/activations';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkError } from './errors';
import { MLP } from './mlp';
import { train } from './train';

const sameBits = (a: number, b: number) => Object.is(a, b);

describe('MLP.toJSON / MLP.fromJSON', () => {
  it('writes the documented format', () => {
    const net = new MLP(2, [3, 1], { activation: 'tanh', outputActivation: 'identity' });
    expect(net.toJSON()).toEqual({
      format: 'mg-mlp',
      version: 1,
      inputs: 2,
      layerSizes: [3, 1],
      activation: 'tanh',
      outputActivation: 'identity',
      parameters: net.getParameters(),
    });
  });

  it('keeps one activation per hidden layer, and one name when they agree', () => {
    const net = new MLP(2, [3, 3, 1], {
      activation: ['tanh', 'leakyRelu(0.2)'],
      outputActivation: 'identity',
      seed: 4,
    });
    const state = net.toJSON();
    expect(state.activation).toEqual(['tanh', 'leakyRelu(0.2)']);
    const back = MLP.fromJSON(JSON.parse(JSON.stringify(state)));
    expect(back.layerActivations.map((a) => a.name)).toEqual([
      'tanh',
      'leakyRelu(0.2)',
      'identity',
    ]);
    expect(back.getParameters()).toEqual(net.getParameters());
    expect(new MLP(2, [3, 3, 1], { activation: ['relu', 'relu'] }).toJSON().activation).toBe(
      'relu',
    );
  });

  it('round-trips a trained network through JSON text bit for bit', () => {
    const net = new MLP(3, [4, 2], { activation: 'gelu', outputActivation: 'identity', seed: 9 });
    train(
      net,
      {
        xs: [
          [1, 2, 3],
          [-1, 0.5, 2],
        ],
        ys: [
          [1, 0],
          [0, 1],
        ],
      },
      { epochs: 7, learningRate: 0.01 },
    );
    const copy = MLP.fromJSON(JSON.parse(JSON.stringify(net)));
    expect(copy.activation.name).toBe('gelu');
    expect(copy.outputActivation.name).toBe('identity');
    expect(copy.layerSizes).toEqual([4, 2]);
    const a = net.getParameters();
    expect(copy.getParameters().every((p, i) => sameBits(p, a[i]!))).toBe(true);
    expect(copy.forward([0.3, -0.2, 1])[1]!.data).toBe(net.forward([0.3, -0.2, 1])[1]!.data);
  });

  it('round-trips any finite parameters bit for bit (0 stands for −0 in JSON text)', () => {
    const net = new MLP(2, [2, 1]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 9,
          maxLength: 9,
        }),
        (p) => {
          net.setParameters(p);
          const fromObject = MLP.fromJSON(net.toJSON()).getParameters();
          const fromText = MLP.fromJSON(JSON.parse(JSON.stringify(net))).getParameters();
          p.forEach((v, i) => {
            expect(sameBits(fromObject[i]!, v)).toBe(true);
            expect(sameBits(fromText[i]!, v === 0 ? 0 : v)).toBe(true);
          });
        },
      ),
    );
  });

  it('restores custom activations from the registry given', () => {
    const cube = defineActivation({
      name: 'cube',
      description: 'Cube: x³',
      reference: 'https://en.wikipedia.org/wiki/Cube_(algebra)',
      forward: (x) => x * x * x,
      derivative: (x) => 3 * x * x,
    });
    const registry = createRegistry(builtins).register(cube);
    const net = new MLP(1, [2, 1], { activation: 'cube', registry });
    const state = JSON.parse(JSON.stringify(net));
    expect(() => MLP.fromJSON(state)).toThrow(
      "'activation' must be an activation the registry holds",
    );
    expect(MLP.fromJSON(state, { registry }).activation).toBe(cube);
  });

  it('refuses to save NaN or Infinity parameters (JSON would turn them into null)', () => {
    const net = new MLP(1, [1]);
    net.parameters()[1]!.data = Number.NaN;
    expect(() => net.toJSON()).toThrow(NetworkError);
    expect(() => net.toJSON()).toThrow(/parameter 1: it is NaN/);
  });

  const valid = () => new MLP(2, [2, 1]).toJSON() as unknown as Record<string, unknown>;
  it.each([
    ['null', () => null, "'state' must be an object"],
    ['an array', () => [], "'state' must be an object"],
    ['a string', () => '{"format":"mg-mlp"}', "'state' must be an object"],
    [
      'another format',
      () => ({ ...valid(), format: 'keras' }),
      "'format' must be 'mg-mlp', but got string 'keras'",
    ],
    ['version 2', () => ({ ...valid(), version: 2 }), "'version' must be 1"],
    ['no version', () => ({ ...valid(), version: undefined }), 'but got undefined'],
    ['inputs 0', () => ({ ...valid(), inputs: 0 }), "'inputs' must be a positive integer"],
    [
      'empty layerSizes',
      () => ({ ...valid(), layerSizes: [] }),
      "'layerSizes' must be a non-empty",
    ],
    ['fractional layer size', () => ({ ...valid(), layerSizes: [2, 0.5] }), "'layerSizes'"],
    [
      'numeric activation',
      () => ({ ...valid(), activation: 3 }),
      "'activation' must be an activation name",
    ],
    [
      'an activation list of the wrong length',
      () => ({ ...valid(), activation: ['tanh', 'relu'] }),
      "'activation' must be an activation name, or an array of 1 (one per hidden layer)",
    ],
    [
      'missing outputActivation',
      () => ({ ...valid(), outputActivation: undefined }),
      "'outputActivation'",
    ],
    [
      'too few parameters',
      () => ({ ...valid(), parameters: [1, 2] }),
      "'parameters' must be an array of 9",
    ],
    [
      'a null parameter',
      () => ({ ...valid(), parameters: [1, 2, 3, 4, null, 6, 7, 8, 9] }),
      "'parameters[4]' must be a finite number, but got null",
    ],
    [
      'a string parameter',
      () => ({ ...valid(), parameters: [1, 2, 3, 4, 5, 6, 7, 8, '9'] }),
      "'parameters[8]'",
    ],
  ])('rejects %s with a NetworkError naming the field', (_, state, text) => {
    expect(() => MLP.fromJSON(state())).toThrow(NetworkError);
    expect(() => MLP.fromJSON(state())).toThrow(text);
  });

  it('rejects options that are not an object', () => {
    expect(() => MLP.fromJSON(valid(), null as never)).toThrow(
      "Argument 'options' passed to 'MLP.fromJSON' must be an object with keys among registry, " +
        'but got null',
    );
  });

  it('rejects a misspelt option key', () => {
    expect(() => MLP.fromJSON(valid(), { registy: undefined } as never)).toThrow(
      "Argument 'options' passed to 'MLP.fromJSON' has an unknown key 'registy'. Did you mean 'registry'?",
    );
  });

  it('rejects an unknown activation name with the state error naming the field', () => {
    const load = () => MLP.fromJSON({ ...valid(), activation: 'swish' });
    expect(load).toThrow(NetworkError);
    expect(load).toThrow(
      "Invalid state passed to 'MLP.fromJSON': 'activation' must be an activation the registry holds (Unknown activation 'swish'.",
    );
    let error: unknown;
    try {
      load();
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).cause).toBeInstanceOf(UnknownActivationError);
    expect(() => MLP.fromJSON({ ...valid(), outputActivation: 'tanhh' })).toThrow(
      "'outputActivation' must be an activation the registry holds (Unknown activation 'tanhh'. Did you mean 'tanh'?",
    );
    const perLayer = {
      ...new MLP(2, [2, 2, 1], { activation: ['tanh', 'relu'] }).toJSON(),
      activation: ['tanh', 'rleu'],
    };
    expect(() => MLP.fromJSON(perLayer)).toThrow("'activation[1]' must be an activation");
    expect(() => MLP.fromJSON({ ...valid(), outputActivation: 'leakyRelu(-1)' })).toThrow(
      /^Invalid state passed to 'MLP.fromJSON': 'outputActivation' must be an activation the registry holds/,
    );
  });
});
