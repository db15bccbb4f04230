import { Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { builtins } from './builtins';
import { checkActivation } from './testing';

/** Grid points where each built-in has a kink or jump, so its derivative is a convention there. */
const kinks: Record<string, number[]> = { heaviside: [0], relu: [0], selu: [0], leakyRelu: [0] };

describe('builtins', () => {
  it('start with the eleven, in the public order', () => {
    // A prefix, so that adding a built-in is one line in builtins.ts and no change here.
    expect(builtins.map((a) => a.name).slice(0, 11)).toEqual([
      'identity',
      'heaviside',
      'sigmoid',
      'tanh',
      'relu',
      'gelu',
      'softplus',
      'selu',
      'leakyRelu',
      'silu',
      'gaussian',
    ]);
    expect(Object.isFrozen(builtins)).toBe(true);
  });

  // The testing kit checks f' against central differences on −10..10 (step 1/16), finiteness at
  // ±1000 and the other extremes, NaN propagation, and one node per apply.
  it.each(builtins.map((a) => [a.name, a] as const))('%s passes checkActivation', (name, a) => {
    const report = checkActivation(a);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.nonDifferentiableAt).toEqual(kinks[name] ?? []);
  });

  it.each(builtins.map((a) => [a.name, a] as const))(
    '%s is finite at ±1000 in a graph, with a finite gradient',
    (_, a) => {
      for (const data of [-1000, 1000]) {
        const x = new Value(data);
        const y = a.apply(x).mul(2);
        y.backward();
        expect(Number.isFinite(y.data)).toBe(true);
        expect(Number.isFinite(x.grad)).toBe(true);
      }
    },
  );

  it('each has a one-line description and an https reference', () => {
    for (const a of builtins) {
      expect(a.description).not.toContain('\n');
      expect(a.reference).toMatch(/^https:\/\//);
    }
  });
});
