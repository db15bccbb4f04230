import { describe, expect, it } from 'vitest';
import { selu } from './selu';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
// λ and α are the paper's constants to 32 digits.
const reference: ReferenceRow[] = [
  [-40, -1.7580993408473768, 7.469028815914292e-18],
  [-20, -1.758099337223664, 3.6237128249944117e-9],
  [-5, -1.7462533606696202, 0.01184598017775672],
  [-1.5, -1.3658143533672527, 0.39228498748012414],
  [-0.25, -0.38889019747811904, 1.369209143369258],
  [1e-10, 1.0507009873554805e-10, 1.0507009873554805],
  [0.5, 0.5253504936777402, 1.0507009873554805],
  [1, 1.0507009873554805, 1.0507009873554805],
  [3, 3.1521029620664414, 1.0507009873554805],
  [20, 21.01401974710961, 1.0507009873554805],
  [40, 42.02803949421922, 1.0507009873554805],
];

const LAMBDA = 1.0507009873554805;
const LAMBDA_ALPHA = 1.0507009873554805 * 1.6732632423543772;

describe('selu', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = selu.forward(x);
    expectClose(y, f);
    expectClose(selu.derivative(x, y), derivative);
  });

  it('is 0 at 0 with the left slope λα (as PyTorch)', () => {
    expect(selu.forward(0)).toBe(0);
    expect(selu.derivative(0, 0)).toBe(LAMBDA_ALPHA);
    expect(selu.derivative(Number.MIN_VALUE, selu.forward(Number.MIN_VALUE))).toBe(LAMBDA);
  });

  it('keeps every digit just below 0 thanks to expm1', () => {
    // λα(e^x − 1) with Math.exp would keep only ~6 of these digits.
    expectClose(selu.forward(-1e-10), -1.7580993407594719e-10);
  });

  it('is finite at ±1000', () => {
    expect(selu.forward(1000)).toBe(LAMBDA * 1000);
    expect(selu.forward(-1000)).toBe(-LAMBDA_ALPHA);
    expect(selu.derivative(1000, selu.forward(1000))).toBe(LAMBDA);
    expect(selu.derivative(-1000, -LAMBDA_ALPHA)).toBe(0);
  });

  it('propagates NaN', () => {
    expect(selu.forward(Number.NaN)).toBeNaN();
    expect(selu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
