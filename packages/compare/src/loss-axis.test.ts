import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { formatLoss, formatPowerOfTen, lossAxis, maxDecades } from './loss-axis';

describe('lossAxis', () => {
  it('spans from the power of ten under the lowest loss to the highest start with headroom', () => {
    const axis = lossAxis(handMadeResult({ a: [[4, 0.3, 0.02]], b: [[8, 6, 5]] }).results, 'log');
    expect(axis.domain).toEqual([0.01, 8 * 1.3]);
    expect(axis.ticks).toEqual([0.01, 0.1, 1, 10]);
    expect(axis.minorTicks).toContain(0.02);
    expect(axis.minorTicks.every((tick) => tick < 10.4)).toBe(true);
    expect(axis.pixel(10.4, 100)).toBeCloseTo(0);
    expect(axis.pixel(0.01, 100)).toBeCloseTo(100);
  });

  it('stops a log axis maxDecades below its top and ignores diverged curves for the top', () => {
    const result = handMadeResult({
      a: [[4, 1e-30, 1e-40]],
      b: [{ losses: [1e6, 1e9], divergedAt: 2 }],
    });
    const axis = lossAxis(result.results, 'log');
    expect(axis.domain[1]).toBeCloseTo(5.2);
    expect(axis.domain[0]).toBe(Number(`1e${-maxDecades}`));
  });

  it('hugs curves that all lie within about a decade, with ticks at 1, 2 and 5 × powers of ten', () => {
    const axis = lossAxis(handMadeResult({ a: [[4, 3, 2]] }).results, 'log');
    expect(axis.domain).toEqual([2 / 1.25, 4 * 1.3]);
    expect(axis.ticks).toEqual([2, 5]);
    expect(axis.minorTicks).toEqual([3, 4]);
    expect(axis.ticks!.map(formatPowerOfTen)).toEqual(['2×10⁰', '5×10⁰']);
  });

  it('is 0 to the top on a linear axis, with ticks left to Vega', () => {
    const axis = lossAxis(handMadeResult({ a: [[4, 3, 2]] }).results, 'linear');
    expect(axis.domain).toEqual([0, 4 * 1.1]);
    expect(axis.ticks).toBeUndefined();
  });
});

describe('formatPowerOfTen and formatLoss', () => {
  it('write powers of ten with superscripts, one format for every tick', () => {
    expect([1e-7, 0.01, 1, 10, 1e12].map(formatPowerOfTen)).toEqual([
      '10⁻⁷',
      '10⁻²',
      '10⁰',
      '10¹',
      '10¹²',
    ]);
  });

  it('write losses with 3 significant digits, tiny and huge ones like the ticks', () => {
    expect([4.258e-8, 0.02906, 4, 12345, 0].map(formatLoss)).toEqual([
      '4.26×10⁻⁸',
      '0.0291',
      '4.00',
      '1.23×10⁴',
      '0',
    ]);
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
