import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import type { Activation } from './activation';
import { builtinFamilies } from './builtin-families';
import { builtins } from './builtins';
import { eluFamily } from './elu-family';
import {
  ActivationArgumentError,
  DuplicateActivationError,
  UnknownActivationError,
} from './errors';
import { leakyRelu } from './leaky-relu';
import { leakyReluFamily } from './leaky-relu-family';
import { leakyReluWithSlope } from './leaky-relu-with-slope';
import { createRegistry, defaultRegistry, getActivation } from './registry';
import { relu } from './relu';
import { sigmoid } from './sigmoid';

// The built-ins' names (builtins.test.ts checks the eleven and their order).
const KNOWN = builtins.map((a) => a.name).join(', ');

describe('createRegistry', () => {
  it('is empty by default', () => {
    const registry = createRegistry();
    expect(registry.names()).toEqual([]);
    expect(registry.has('relu')).toBe(false);
  });

  it('registers, gets and lists in registration order; register chains', () => {
    const registry = createRegistry().register(relu).register(sigmoid);
    expect(registry.names()).toEqual(['relu', 'sigmoid']);
    expect(registry.get('sigmoid')).toBe(sigmoid);
    expect(registry.has('relu')).toBe(true);
    expect(registry.has('tanh')).toBe(false);
  });

  it('returns a fresh names array each time', () => {
    const registry = createRegistry([relu]);
    registry.names().push('x');
    expect(registry.names()).toEqual(['relu']);
  });

  it('rejects a duplicate name, even from another object', () => {
    const registry = createRegistry([relu]);
    const attempt = () => registry.register(leakyReluWithSlope(0, 'relu'));
    expect(attempt).toThrow(DuplicateActivationError);
    expect(attempt).toThrow(
      "An activation named 'relu' is already registered. Register it under another name, or use " +
        'createRegistry() for a separate set.',
    );
    expect(registry.get('relu')).toBe(relu);
  });

  it('names the known activations and suggests the closest on a miss', () => {
    const registry = createRegistry(builtins);
    const attempt = () => registry.get('rleu');
    expect(attempt).toThrow(UnknownActivationError);
    expect(attempt).toThrow(`Unknown activation 'rleu'. Did you mean 'relu'? Known: ${KNOWN}`);
    // The exact text the issue asks for, with the eleven:
    expect(() => createRegistry(builtins.slice(0, 11)).get('rleu')).toThrow(
      "Unknown activation 'rleu'. Did you mean 'relu'? Known: identity, heaviside, sigmoid, tanh, " +
        'relu, gelu, softplus, selu, leakyRelu, silu, gaussian',
    );
    // Caught outside the assertions, so the test fails if nothing is thrown.
    let error: unknown;
    try {
      registry.get('Sigmod');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownActivationError);
    expect(error).toMatchObject({ requested: 'Sigmod', suggestion: 'sigmoid' });
    expect((error as UnknownActivationError).known).toEqual(KNOWN.split(', '));
    expect(() => registry.get('softmax')).toThrow(`Unknown activation 'softmax'. Known: ${KNOWN}`);
    expect(() => createRegistry().get('relu')).toThrow("Unknown activation 'relu'. Known: (none)");
  });

  it('rejects things that are not activations, and names that are not strings', () => {
    const registry = createRegistry();
    const spec = { name: 'x', forward: (x: number) => x, derivative: () => 1 };
    expect(() => registry.register(spec as unknown as Activation)).toThrow(
      /^Argument 'activation' passed to 'ActivationRegistry.register' must be an Activation made/,
    );
    expect(() => registry.get(3 as unknown as string)).toThrow(
      "Argument 'name' passed to 'ActivationRegistry.get' must be a string, but got number 3",
    );
    expect(() => createRegistry(relu as unknown as Activation[])).toThrow(
      /^Argument 'activations' passed to 'createRegistry' must be an iterable of Activations/,
    );
    expect(() => createRegistry([relu, null as unknown as Activation])).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('defaultRegistry', () => {
  it('holds the built-ins and built-in families in order, and is shared', () => {
    expect(defaultRegistry().names().join(', ')).toBe(KNOWN);
    expect(defaultRegistry().families()).toEqual(['leakyRelu(slope)', 'elu(alpha)']);
    expect(getActivation('leakyRelu(0.2)')).toBe(getActivation('leakyRelu(0.20)'));
    expect(defaultRegistry()).toBe(defaultRegistry());
  });

  it('is what getActivation reads', () => {
    expect(getActivation('relu')).toBe(relu);
    expect(() => getActivation('rleu')).toThrow("Did you mean 'relu'?");
  });
});

describe('families in a registry', () => {
  it('resolve calls to one canonically named object per member', () => {
    const registry = createRegistry([...builtins, ...builtinFamilies]);
    const steep = registry.get('leakyRelu(0.2)');
    expect(steep.name).toBe('leakyRelu(0.2)');
    expect(steep.forward(-1)).toBe(-0.2);
    expect(registry.get(' leakyRelu( .20 ) ')).toBe(steep);
    expect(registry.get('leakyRelu(2e-1)')).toBe(steep);
    expect(registry.get('elu(1)').name).toBe('elu(1)');
    // The plain built-in keeps its name beside the family of the same name.
    expect(registry.get('leakyRelu')).toBe(leakyRelu);
    expect(registry.families()).toEqual(['leakyRelu(slope)', 'elu(alpha)']);
    expect(registry.names()).toEqual(builtins.map((a) => a.name));
  });

  it('tell has() without throwing', () => {
    const registry = createRegistry([leakyReluFamily]);
    expect(registry.has('leakyRelu(0.5)')).toBe(true);
    expect(registry.has('leakyRelu(5)')).toBe(false);
    expect(registry.has('leakyRelu(x)')).toBe(false);
    expect(registry.has('elu(1)')).toBe(false);
    expect(registry.has('leakyRelu')).toBe(false);
  });

  it('prefer an activation registered under the exact canonical name', () => {
    const own = leakyReluWithSlope(0.3);
    const registry = createRegistry([leakyReluFamily, own]);
    expect(registry.get('leakyRelu(.3)')).toBe(own);
  });

  it('throw typed errors for bad arguments and unknown families', () => {
    const registry = createRegistry([...builtins, ...builtinFamilies]);
    expect(() => registry.get('leakyRelu(2)')).toThrow(ActivationArgumentError);
    expect(() => registry.get('leakyRelu(0.1,0.2)')).toThrow(
      expect.objectContaining({ reason: 'count' }),
    );
    expect(() => registry.get('leakyRelu(abc)')).toThrow(
      expect.objectContaining({ reason: 'number' }),
    );
    expect(() => registry.get('leakyRule(0.2)')).toThrow(
      "Unknown activation 'leakyRule(0.2)'. Did you mean 'leakyRelu(0.2)'? Known: identity,",
    );
    expect(() => registry.get('mish(1)')).toThrow(
      `Unknown activation 'mish(1)'. Known: ${KNOWN}, leakyRelu(slope), elu(alpha)`,
    );
    // A family's bare name asks for its arguments.
    expect(() => registry.get('elu')).toThrow(
      "Unknown activation 'elu'. Did you mean 'elu(alpha)'?",
    );
  });

  it('refuse a second family under the same name', () => {
    const registry = createRegistry([eluFamily]);
    expect(() => registry.register(eluFamily)).toThrow(
      "An activation family named 'elu' is already registered.",
    );
  });
});

describe('UnknownActivationError with a context', () => {
  it('names the argument and function that received the name', () => {
    const error = new UnknownActivationError('rleu', ['relu', 'tanh'], 'relu', {
      argument: 'options.activation',
      method: 'new MLP',
    });
    expect(error.message).toBe(
      "Argument 'options.activation' passed to 'new MLP': Unknown activation 'rleu'. Did you mean 'relu'? Known: relu, tanh",
    );
    expect(error.argument).toBe('options.activation');
    expect(new UnknownActivationError('x', [], undefined).argument).toBeUndefined();
  });
});
