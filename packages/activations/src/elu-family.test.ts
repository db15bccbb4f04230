import { describe, expect, it } from 'vitest';
import { eluFamily } from './elu-family';
import { ActivationArgumentError } from './errors';
import { expectClose } from './test-support';
import { checkActivation } from './testing';

describe('eluFamily', () => {
  // α·expm1(x) and α·e^x from mpmath 1.3.0 at 50 digits, rounded to double (as scripts/reference-values.py).
  it.each([
    [1.5, -40, -1.5, 6.372531382937383e-18],
    [1.5, -5, -1.4898930795013718, 0.010106920498628201],
    [1.5, -1, -0.9481808382428365, 0.5518191617571635],
    [0.5, -0.25, -0.11059960846429756, 0.38940039153570244],
    [0.5, -1, -0.31606027941427883, 0.18393972058572117],
  ])('elu(%d) at x = %d is %d with slope %d', (alpha, x, f, derivative) => {
    const elu = eluFamily.create(alpha);
    expectClose(elu.forward(x), f);
    expectClose(elu.derivative(x, elu.forward(x)), derivative);
  });

  it('is x for x > 0 and uses the left slope α at 0 (as PyTorch)', () => {
    const elu = eluFamily.create(2);
    expect(elu.name).toBe('elu(2)');
    expect(elu.forward(3.5)).toBe(3.5);
    expect(elu.derivative(3.5, 3.5)).toBe(1);
    expect(elu.forward(0)).toBe(0);
    expect(elu.derivative(0, 0)).toBe(2);
    expect(elu.forward(Number.NaN)).toBeNaN();
    expect(elu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });

  it('passes the testing kit; smooth at 0 only for α = 1', () => {
    expect(checkActivation(eluFamily.create(1))).toMatchObject({
      ok: true,
      nonDifferentiableAt: [],
    });
    expect(checkActivation(eluFamily.create(0.5))).toMatchObject({
      ok: true,
      nonDifferentiableAt: [0],
    });
  });

  it('refuses α <= 0', () => {
    expect(() => eluFamily.create(0)).toThrow(ActivationArgumentError);
    expect(() => eluFamily.create(-1)).toThrow(
      "Activation 'elu(-1)': family 'elu' needs alpha to be a finite number > 0, but got -1",
    );
  });
});
