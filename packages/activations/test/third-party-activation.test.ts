// A third party adds activations using only the public entry points, as an outside package would:
// no relative imports into src/.
import {
  type Activation,
  ActivationArgumentError,
  builtins,
  createRegistry,
  defaultRegistry,
  defineActivation,
  defineActivationFamily,
} from '@mg/activations';
import { assertActivation, checkActivation } from '@mg/activations/testing';
import { Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';

/** ELU with α = 1 (Clevert et al. 2015). */
const elu = defineActivation({
  name: 'elu',
  description: 'Exponential linear unit: x if x > 0, else e^x − 1',
  reference: 'https://arxiv.org/abs/1511.07289',
  forward: (x) => (x > 0 ? x : Math.expm1(x)),
  derivative: (x) => (x > 0 ? 1 : Math.exp(x)),
});

/** Mish: x·tanh(softplus(x)) (Misra 2019). */
const mish = defineActivation({
  name: 'mish',
  description: 'Mish: x·tanh(ln(1 + e^x))',
  reference: 'https://arxiv.org/abs/1908.08681',
  forward: (x) => x * Math.tanh(softplus(x)),
  derivative(x) {
    const t = Math.tanh(softplus(x));
    const sigmoid = 1 / (1 + Math.exp(-x));
    return t + x * (1 - t * t) * sigmoid;
  },
});

function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

describe('a third-party activation', () => {
  it('passes the testing kit', () => {
    expect(checkActivation(elu)).toMatchObject({ ok: true, nonDifferentiableAt: [] });
    expect(assertActivation(mish).ok).toBe(true);
  });

  it('has the right values (mpmath 1.3.0 at 50 digits, rounded to double)', () => {
    expect(mish.forward(1)).toBeCloseTo(0.8650983882673103, 15);
    expect(mish.derivative(1, mish.forward(1))).toBeCloseTo(1.0490362200997922, 15);
    expect(mish.forward(-2)).toBeCloseTo(-0.2525014826957089, 15);
    expect(mish.derivative(-2, mish.forward(-2))).toBeCloseTo(-0.10835509242039394, 15);
    expect(elu.forward(-2)).toBeCloseTo(-0.8646647167633873, 15);
    expect(elu.derivative(-2, elu.forward(-2))).toBeCloseTo(0.1353352832366127, 15);
  });

  it('registers into a fresh registry beside the built-ins, leaving the default one alone', () => {
    const registry = createRegistry(builtins).register(elu).register(mish);
    expect(registry.names().slice(-2)).toEqual(['elu', 'mish']);
    expect(registry.get('mish')).toBe(mish);
    expect(() => registry.get('mihs')).toThrow("Did you mean 'mish'?");
    expect(defaultRegistry().has('elu')).toBe(false);
  });

  it('trains: gradient descent through it lowers the loss', () => {
    const activation: Activation = createRegistry([elu]).get('elu');
    // One neuron, y = elu(w·x + b), fitted to y = elu(2x − 1) on four points.
    const w = new Value(0.5);
    const b = new Value(0);
    const xs = [-2, -0.5, 1, 3];
    const loss = () => {
      let total = new Value(0);
      for (const x of xs) {
        const prediction = activation.apply(w.mul(x).add(b));
        total = total.add(prediction.sub(elu.forward(2 * x - 1)).pow(2));
      }
      return total;
    };
    const first = loss().data;
    for (let step = 0; step < 500; step++) {
      w.grad = 0;
      b.grad = 0;
      loss().backward();
      w.data -= 0.02 * w.grad;
      b.data -= 0.02 * b.grad;
    }
    expect(loss().data).toBeLessThan(first / 100);
    expect(w.data).toBeCloseTo(2, 1);
    expect(b.data).toBeCloseTo(-1, 1);
  });
});

describe('a third-party activation family', () => {
  // Softplus with sharpness β: ln(1 + e^(βx)) / β (Dugas et al. 2001; PyTorch's Softplus(beta)).
  const softplusBeta = defineActivationFamily({
    name: 'softplusBeta',
    description: 'Softplus with sharpness β: ln(1 + e^(βx)) / β',
    reference: 'https://pytorch.org/docs/stable/generated/torch.nn.Softplus.html',
    parameters: [{ name: 'beta', exclusiveMinimum: 0, maximum: 100 }],
    build: ([beta], name) =>
      defineActivation({
        name,
        description: `Softplus with β = ${beta}`,
        reference: 'https://pytorch.org/docs/stable/generated/torch.nn.Softplus.html',
        forward: (x) => softplus(beta! * x) / beta!,
        derivative: (x) => 1 / (1 + Math.exp(-beta! * x)),
      }),
  });

  it('registers like a plain activation and resolves by call', () => {
    const registry = createRegistry(builtins).register(softplusBeta);
    const sharp = registry.get('softplusBeta(2)');
    expect(sharp.name).toBe('softplusBeta(2)');
    expect(sharp.forward(0)).toBeCloseTo(Math.log(2) / 2, 15);
    expect(checkActivation(sharp, { extremes: [-1000, 1000] }).ok).toBe(true);
    expect(() => registry.get('softplusBeta(0)')).toThrow(ActivationArgumentError);
  });
});
