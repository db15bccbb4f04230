import { describe, expect, it } from 'vitest';
import { gelu } from './gelu';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
// (There Φ is computed with erfc, since even 50 digits of 1 + erf cancel completely below −15.)
const reference: ReferenceRow[] = [
  [-1.5, -0.1002108019032871, -0.12746919222997952],
  [-0.25, -0.10032341857926907, 0.30462664511636395],
  [1e-10, 5.000000000398942e-11, 0.5000000000797885],
  [0.5, 0.34573123063700656, 0.8674951246561629],
  [1, 0.8413447460685429, 1.0833154705876864],
  [3, 2.99595030590511, 1.011945647204184],
  [20, 20.0, 1.0],
  [40, 40.0, 1.0],
];

describe('gelu', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = gelu.forward(x);
    expectClose(y, f);
    expectClose(gelu.derivative(x, y), derivative);
  });

  // Written with erfc, gelu keeps its relative accuracy in the negative tail, where
  // ½x(1 + erf(x/√2)) would cancel (that formula gives gelu(−20) = −0). The bound is 1e-13, not
  // 1e-15: inside erfc, e^(−x²/2) turns the rounding of x²/2 (≈ 200 at −20) into ~200 ulps.
  it.each([
    [-20, -5.507248237212468e-88, -1.1014360483133464e-86],
    [-5, -1.4332578593959695e-6, -7.146946001792295e-6],
  ] as ReferenceRow[])('is right to the last digits in the tail at x = %d', (x, f, derivative) => {
    const y = gelu.forward(x);
    expectClose(y, f, { relative: 1e-13 });
    expectClose(gelu.derivative(x, y), derivative, { relative: 1e-13 });
  });

  it('underflows to −0 far in the tail, never NaN', () => {
    expect(Object.is(gelu.forward(-40), -0)).toBe(true);
    expect(gelu.derivative(-40, -0)).toBeCloseTo(0, 300);
  });

  it('is 0 with slope 1/2 at 0', () => {
    expect(gelu.forward(0)).toBe(0);
    expect(gelu.derivative(0, 0)).toBe(0.5);
  });

  it('is finite at ±1000, where φ underflows to 0', () => {
    expect(gelu.forward(1000)).toBe(1000);
    expect(gelu.derivative(1000, 1000)).toBe(1);
    expect(gelu.forward(-1000)).toBe(-0);
    expect(gelu.derivative(-1000, -0)).toBe(0);
    // x² overflows to Infinity here; e^-Infinity is 0, so still no NaN.
    expect(gelu.derivative(1e200, 1e200)).toBe(1);
  });

  it('is not the tanh approximation', () => {
    const approximate = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (1 + 0.044715)));
    expect(Math.abs(gelu.forward(1) - approximate)).toBeGreaterThan(1e-5);
  });

  it('propagates NaN', () => {
    expect(gelu.forward(Number.NaN)).toBeNaN();
    expect(gelu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
