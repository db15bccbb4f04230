import { defaultRegistry, UnknownActivationError } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { parseLayerActivations } from './layer-activations';

describe('parseLayerActivations', () => {
  const registry = defaultRegistry();

  it('repeats one name for every hidden layer, in its canonical spelling', () => {
    expect(parseLayerActivations('leakyRelu( .20 )', registry, 2)).toEqual({
      label: 'leakyRelu(0.2)',
      layers: ['leakyRelu(0.2)', 'leakyRelu(0.2)'],
    });
    expect(parseLayerActivations('tanh', registry, 0)).toEqual({ label: 'tanh', layers: [] });
  });

  it("reads 'a/b' as one name per hidden layer", () => {
    expect(parseLayerActivations('tanh / elu(1.50)', registry, 2)).toEqual({
      label: 'tanh/elu(1.5)',
      layers: ['tanh', 'elu(1.5)'],
    });
    expect(parseLayerActivations('tanh/relu', registry, 3)).toBeUndefined();
  });

  it("throws the registry's error for an unknown name", () => {
    expect(() => parseLayerActivations('tanh/rleu', registry, 2)).toThrow(UnknownActivationError);
  });
});
