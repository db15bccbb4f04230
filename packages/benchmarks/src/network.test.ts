import { describe, expect, it } from 'vitest';
import { initialParameters, parameterCount } from './network';

describe('parameterCount', () => {
  it('counts (inputs + 1) · neurons per layer', () => {
    // 3-10-5-4-1: 4·10 + 11·5 + 6·4 + 5·1, counted by hand.
    expect(parameterCount({ inputs: 3, layers: [10, 5, 4, 1] })).toBe(124);
    expect(parameterCount({ inputs: 64, layers: [128, 128, 1] })).toBe(65 * 128 + 129 * 128 + 129);
  });
});

describe('initialParameters', () => {
  const shape = { inputs: 4, layers: [3, 1] };

  it('is deterministic per seed and differs between seeds', () => {
    expect(initialParameters(shape, 7, 'unit')).toEqual(initialParameters(shape, 7, 'unit'));
    expect(initialParameters(shape, 7, 'unit')).not.toEqual(initialParameters(shape, 8, 'unit'));
  });

  it('draws from (−1, 1), or (−1/√fan-in, 1/√fan-in) per layer', () => {
    const unit = initialParameters(shape, 1, 'unit');
    const scaled = initialParameters(shape, 1, 'fan-in');
    expect(unit.length).toBe(19);
    for (const p of unit) expect(Math.abs(p)).toBeLessThan(1);
    // Same draws, scaled: the first layer's 15 by 1/√4, the last layer's 4 by 1/√3.
    for (let k = 0; k < 15; k++) expect(scaled[k]).toBeCloseTo(unit[k]! / 2, 15);
    for (let k = 15; k < 19; k++) expect(scaled[k]).toBeCloseTo(unit[k]! / Math.sqrt(3), 15);
  });
});
