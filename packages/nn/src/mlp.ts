import {
  type Activation,
  ActivationError,
  type ActivationRegistry,
  defaultRegistry,
} from '@mg/activations';
import { checkOptionKeys, InvalidArgumentError, optionKeys, Value } from '@mg/engine';
import type { CompiledLoss } from './compiled-loss';
import { invalidState, NetworkError } from './errors';
import { type InitScheme, initialParameters, initSchemes } from './initialization';
import { Layer } from './layer';
import { Neuron } from './neuron';
import { resolveActivation } from './resolve-activation';
import { type MLPState, parseState, stateFormat, stateVersion } from './state';
import { assertFiniteVector, assertPositiveInteger, oneOf } from './validate';

/** How to build an {@link MLP}. */
export interface MLPOptions {
  /**
   * Activation of the hidden layers, by registry name (`'tanh'`, `'leakyRelu(0.2)'`) or as an
   * object: one for every layer, or a list with one per hidden layer, input side first
   * (`['tanh', 'relu']` for `[8, 8, 1]`). Default `'sigmoid'`, as the original.
   */
  activation?: string | Activation | readonly (string | Activation)[];
  /**
   * Activation of the output layer. Default: the last hidden layer's (with one activation for
   * all, the same one, as the original); e.g. `'identity'` for regression or for logits.
   */
  outputActivation?: string | Activation;
  /** Seed of the initial parameters, an integer in [0, 2^32). Default 0. Same seed, same parameters, on every platform. */
  seed?: number;
  /** Where activation names are looked up. Default `defaultRegistry()` (the eleven built-ins). */
  registry?: ActivationRegistry;
  /** Initial weights: `'uniform'` in (−1, 1) (default, as the original), `'xavier'` or `'he'`. */
  init?: InitScheme;
}

const mlpOptionKeys = optionKeys<MLPOptions>({
  activation: true,
  outputActivation: true,
  seed: true,
  registry: true,
  init: true,
});

/** Options of {@link MLP.fromJSON}. */
export interface MLPLoadOptions {
  /** Where the state's activation names are looked up. Default `defaultRegistry()`. */
  registry?: ActivationRegistry;
}

const loadOptionKeys = optionKeys<MLPLoadOptions>({ registry: true });

const maxSeed = 2 ** 32 - 1;

/** The largest network `MLP` builds: each parameter is a `Value` of about 150 bytes. */
export const maxParameters = 10_000_000;

/**
 * A fully connected multilayer perceptron: `inputs` inputs, then one layer per entry of
 * `layerSizes`, the last one being the output layer. The hidden layers apply `activation` (one
 * for all, or one each), the output layer `outputActivation`.
 *
 * ```ts
 * const net = new MLP(3, [4, 4, 1], { activation: 'tanh', seed: 42 });
 * const [y] = net.forward([2, 3, -1]);
 * const mixed = new MLP(2, [8, 8, 1], { activation: ['tanh', 'relu'], outputActivation: 'identity' });
 * mixed.layerActivations.map((a) => a.name); // ['tanh', 'relu', 'identity']
 * ```
 */
export class MLP {
  // NOTE: the class body never names `MLP` (`restore` below does): a class that refers to itself is
  // renamed `_MLP` by the bundler, and `MLP.name` shows in error messages.
  /** Number of inputs. */
  readonly inputs: number;
  /** Neurons per layer, the output layer last. */
  readonly layerSizes: readonly number[];
  /** The layers, input side first. */
  readonly layers: readonly Layer[];
  /**
   * Activation of the hidden layers when they share one; with one per hidden layer, the first
   * hidden layer's (see {@link MLP.layerActivations}). With no hidden layer, the one given.
   */
  readonly activation: Activation;
  /** Activation of the output layer. */
  readonly outputActivation: Activation;
  /** Each layer's activation, input side first, the output layer's last (one per `layerSizes` entry). */
  readonly layerActivations: readonly Activation[];
  /** Number of parameters (weights and biases). */
  readonly parameterCount: number;
  private readonly params: Value[];
  /**
   * @internal A compiled loss of this network that no training is using (see compiled-loss.ts),
   * kept for its next training; `null` if none.
   */
  idleLoss: CompiledLoss | null;

  /**
   * @param inputs number of inputs, a positive integer
   * @param layerSizes neurons per layer (output layer last), positive integers
   * @param options activation, output activation, seed, registry, initialisation
   */
  constructor(inputs: number, layerSizes: readonly number[], options: MLPOptions = {}) {
    const method = 'new MLP';
    assertPositiveInteger(inputs, 'inputs', method);
    if (!Array.isArray(layerSizes) || layerSizes.length === 0) {
      throw new InvalidArgumentError({
        argument: 'layerSizes',
        method,
        expected: 'a non-empty array of positive integers',
        received: layerSizes,
      });
    }
    let parameterCount = 0;
    for (const [i, size] of layerSizes.entries()) {
      assertPositiveInteger(size, `layerSizes[${i}]`, method);
      parameterCount += ((i === 0 ? inputs : layerSizes[i - 1]!) + 1) * size;
    }
    // NOTE: far beyond this, V8 aborts the whole process ("invalid size error") instead of throwing.
    if (parameterCount > maxParameters) {
      throw new InvalidArgumentError({
        argument: 'layerSizes',
        method,
        expected: `sizes that make at most ${maxParameters.toLocaleString('en-US')} parameters in all (these make ${parameterCount.toLocaleString('en-US')})`,
        received: layerSizes,
      });
    }
    checkOptionKeys(options, mlpOptionKeys, 'options', method);
    const registry = options.registry ?? defaultRegistry();
    if (typeof (registry as Partial<ActivationRegistry>).get !== 'function') {
      throw new InvalidArgumentError({
        argument: 'options.registry',
        method,
        expected: 'an ActivationRegistry',
        received: registry,
      });
    }
    const seed = options.seed ?? 0;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
      throw new InvalidArgumentError({
        argument: 'options.seed',
        method,
        expected: 'an integer from 0 to 2^32 − 1',
        received: seed,
      });
    }
    const init = oneOf(options.init, initSchemes, 'uniform', 'options.init', method);
    this.inputs = inputs;
    this.layerSizes = Object.freeze([...layerSizes]);
    const hidden = hiddenActivations(
      options.activation ?? 'sigmoid',
      layerSizes.length - 1,
      registry,
      method,
    );
    this.activation = hidden[0]!;
    this.outputActivation =
      options.outputActivation === undefined
        ? hidden[hidden.length - 1]!
        : resolveActivation(options.outputActivation, registry, 'options.outputActivation', method);
    this.layerActivations = Object.freeze([
      ...hidden.slice(0, layerSizes.length - 1),
      this.outputActivation,
    ]);
    const initial = initialParameters(inputs, layerSizes, init, seed);
    this.layers = buildLayers(inputs, layerSizes, this.layerActivations, initial);
    this.params = collectParameters(this.layers);
    this.parameterCount = this.params.length;
    this.idleLoss = null;
  }

  /** The network's outputs for one input vector, as graph nodes (call `backward()` on a loss of them). */
  forward(x: readonly number[]): Value[] {
    assertFiniteVector(x, this.inputs, 'x', 'MLP.forward');
    let h: Value[] = x.map((xi) => new Value(xi, 'x'));
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  /** Every parameter: layer by layer, neuron by neuron, weights in input order, then the bias. */
  parameters(): Value[] {
    return [...this.params];
  }

  /**
   * @internal The parameters in `parameters()` order, without copying them: for @mg/nn's own
   * code, which never changes the list (a million-parameter copy is 8 MB of fresh memory).
   */
  parameterList(): readonly Value[] {
    return this.params;
  }

  /** Sets every parameter's `grad` to 0. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = 0;
  }

  /** The parameters' numbers, in parameter order. */
  getParameters(): number[] {
    return this.params.map((p) => p.data);
  }

  /** Sets every parameter from a flat array in parameter order (see {@link MLP.parameters}). */
  setParameters(flat: ArrayLike<number>): void {
    const count = this.parameterCount;
    const expected = `an array of ${count} finite numbers (the parameter count)`;
    if (typeof flat !== 'object' || flat === null || flat.length !== count) {
      throw new InvalidArgumentError({
        argument: 'flat',
        method: 'MLP.setParameters',
        expected,
        received: flat,
      });
    }
    const bad = firstNonFinite(flat);
    if (bad >= 0) {
      throw new InvalidArgumentError({
        argument: `flat[${bad}]`,
        method: 'MLP.setParameters',
        expected: 'a finite number',
        received: flat[bad],
      });
    }
    writeParameters(this.params, flat);
  }

  /**
   * The network as plain JSON data: `JSON.stringify(net)` saves it, {@link MLP.fromJSON} restores
   * it with every parameter bit for bit.
   * NOTE: JSON text has no −0, so a parameter of exactly −0 comes back as 0 (an object passed
   * straight to `fromJSON` keeps it).
   */
  toJSON(): MLPState {
    const parameters = this.getParameters();
    const bad = parameters.findIndex((p) => !Number.isFinite(p));
    if (bad >= 0) {
      throw new NetworkError(
        `'MLP.toJSON' cannot save parameter ${bad}: it is ${parameters[bad]}, and JSON has no ` +
          'NaN or Infinity (did training diverge?)',
      );
    }
    const hidden = this.layerActivations.slice(0, -1).map((a) => a.name);
    return {
      format: stateFormat,
      version: stateVersion,
      inputs: this.inputs,
      layerSizes: [...this.layerSizes],
      // One name when the hidden layers share it, so such files stay readable by older versions.
      activation: hidden.every((name) => name === hidden[0]) ? this.activation.name : hidden,
      outputActivation: this.outputActivation.name,
      parameters,
    };
  }

  /**
   * Rebuilds a network saved by {@link MLP.toJSON}. Throws a `NetworkError` naming the field if
   * `state` is malformed; activation names are looked up in `options.registry`
   * (default `defaultRegistry()`).
   */
  static fromJSON(state: unknown, options: MLPLoadOptions = {}): MLP {
    checkOptionKeys(options, loadOptionKeys, 'options', 'MLP.fromJSON');
    return restore(parseState(state), options.registry);
  }
}

/**
 * The index of the first item of `flat` that is not a finite number, or −1. Like
 * `writeParameters`, `collectParameters` and `buildLayers`, a loop in a small function of its own
 * that starts with it: V8 gives a function its type feedback only once it is warm, so in a method
 * run once per network the code before a long loop would have none the next time (see
 * `@mg/engine`'s `flattenGraph`).
 */
function firstNonFinite(flat: ArrayLike<unknown>): number {
  for (let i = 0; i < flat.length; i++) {
    const value = flat[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) return i;
  }
  return -1;
}

/** Sets each parameter's number from `flat` (checked), in parameter order. */
function writeParameters(params: readonly Value[], flat: ArrayLike<number>): void {
  for (let i = 0; i < params.length; i++) params[i]!.data = flat[i]!;
}

/**
 * The layers of a new network, from its initial parameters in `parameters()` order. Outside the
 * constructor, as `neuronsOf` and `collectParameters`: each loop in a small function of its own is
 * optimised early and on its own (a network is usually built once, in cold code).
 */
function buildLayers(
  inputs: number,
  layerSizes: readonly number[],
  activations: readonly Activation[],
  initial: readonly number[],
): Layer[] {
  const layers: Layer[] = [];
  let start = 0;
  let fanIn = inputs;
  for (let l = 0; l < layerSizes.length; l++) {
    const size = layerSizes[l]!;
    layers.push(new Layer(neuronsOf(initial, start, fanIn, size, activations[l]!)));
    start += (fanIn + 1) * size;
    fanIn = size;
  }
  return layers;
}

/** `size` neurons of `fanIn` inputs, their weights and biases from `initial` at `start` on. */
function neuronsOf(
  initial: readonly number[],
  start: number,
  fanIn: number,
  size: number,
  activation: Activation,
): Neuron[] {
  const neurons: Neuron[] = [];
  for (let n = 0, at = start; n < size; n++, at += fanIn + 1) {
    neurons.push(new Neuron(initial.slice(at, at + fanIn), initial[at + fanIn]!, activation));
  }
  return neurons;
}

/**
 * Every parameter of `layers` in `parameters()` order, in one list built directly (no list per
 * layer): it runs once per parameter of every new network.
 */
function collectParameters(layers: readonly Layer[]): Value[] {
  const out: Value[] = [];
  for (let l = 0; l < layers.length; l++) {
    const neurons = layers[l]!.neurons;
    for (let n = 0; n < neurons.length; n++) {
      const w = neurons[n]!.w;
      for (let i = 0; i < w.length; i++) out.push(w[i]!);
      out.push(neurons[n]!.b);
    }
  }
  return out;
}

/** The network a parsed state describes (outside the class: see the note on `MLP`). */
function restore(s: MLPState, registry: ActivationRegistry | undefined): MLP {
  checkStateActivations(s, registry ?? defaultRegistry());
  const net = new MLP(s.inputs, s.layerSizes, {
    activation: s.activation,
    outputActivation: s.outputActivation,
    ...(registry === undefined ? {} : { registry }),
  });
  net.setParameters(s.parameters);
  return net;
}

/**
 * Looks up the state's activation names first, so that a name the registry lacks is reported as
 * the state's field (`'activation[1]'`), not as an option of `new MLP` the caller never wrote.
 */
function checkStateActivations(s: MLPState, registry: ActivationRegistry): void {
  // A registry that is not one is reported by `new MLP`, naming options.registry.
  if (typeof (registry as Partial<ActivationRegistry>).get !== 'function') return;
  const names: [string, string][] = Array.isArray(s.activation)
    ? s.activation.map((name, l) => [`activation[${l}]`, name])
    : [['activation', s.activation]];
  names.push(['outputActivation', s.outputActivation]);
  for (const [field, name] of names) {
    try {
      registry.get(name);
    } catch (error) {
      if (!(error instanceof ActivationError)) throw error;
      throw invalidState(field, `an activation the registry holds (${error.message})`, name, error);
    }
  }
}

/**
 * The hidden layers' activations, one per hidden layer (or, with none, a one-element list holding
 * the given activation, which then also defaults the output layer's).
 */
function hiddenActivations(
  value: unknown,
  hiddenLayers: number,
  registry: ActivationRegistry,
  method: string,
): Activation[] {
  if (!Array.isArray(value)) {
    const one = resolveActivation(value, registry, 'options.activation', method);
    return Array.from({ length: Math.max(hiddenLayers, 1) }, () => one);
  }
  if (value.length !== hiddenLayers || hiddenLayers === 0) {
    throw new InvalidArgumentError({
      argument: 'options.activation',
      method,
      expected:
        hiddenLayers === 0
          ? 'one activation (this network has no hidden layer)'
          : `one activation, or a list of ${hiddenLayers} (one per hidden layer)`,
      received: value,
    });
  }
  return value.map((item, l) =>
    resolveActivation(item, registry, `options.activation[${l}]`, method),
  );
}
