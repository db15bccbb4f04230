import { Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { builtins } from './builtins';
import { defaultRegistry } from './registry';
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

  // The mathematical limits: [f(−∞), f'(−∞), f(+∞), f'(+∞)]. Every built-in needs a row (and the
  // default families' members are checked too), so a new one cannot leave NaN at an end.
  const lambda = 1.0507009873554805;
  const alpha = 1.6732632423543772;
  const limits: Record<string, [number, number, number, number]> = {
    identity: [-Infinity, 1, Infinity, 1],
    heaviside: [0, 0, 1, 0],
    sigmoid: [0, 0, 1, 0],
    tanh: [-1, 0, 1, 0],
    relu: [0, 0, Infinity, 1],
    gelu: [0, 0, Infinity, 1],
    softplus: [0, 0, Infinity, 1],
    selu: [-lambda * alpha, 0, Infinity, lambda],
    leakyRelu: [-Infinity, 0.01, Infinity, 1],
    silu: [0, 0, Infinity, 1],
    gaussian: [0, 0, 0, 0],
    'leakyRelu(0.2)': [-Infinity, 0.2, Infinity, 1],
    'elu(0.5)': [-0.5, 0, Infinity, 1],
  };
  const atInfinity = [
    ...builtins,
    defaultRegistry().get('leakyRelu(0.2)'),
    defaultRegistry().get('elu(0.5)'),
  ];

  it.each(atInfinity.map((a) => [a.name, a] as const))(
    '%s has its mathematical limits at ±Infinity, value and derivative',
    (name, a) => {
      expect(limits, `add ${name}'s limits to this table`).toHaveProperty([name]);
      const [atMinus, slopeAtMinus, atPlus, slopeAtPlus] = limits[name]!;
      // −0 counts as 0: the sign of a zero limit is not part of the contract.
      const at = (x: number) => {
        const y = a.forward(x);
        return [y, a.derivative(x, y)].map((v) => (v === 0 ? 0 : v));
      };
      expect(at(-Infinity)).toEqual([atMinus, slopeAtMinus]);
      expect(at(Infinity)).toEqual([atPlus, slopeAtPlus]);
    },
  );

  it('each has a one-line description and an https reference', () => {
    for (const a of builtins) {
      expect(a.description).not.toContain('\n');
      expect(a.reference).toMatch(/^https:\/\//);
    }
  });
});
