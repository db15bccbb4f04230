import { describe, expect, it } from 'vitest';
import { maxRelativeDifference, median, minimum } from './statistics';

describe('median and minimum', () => {
  it('takes the middle sample, or the mean of the middle two, without reordering the input', () => {
    const samples = [5, 1, 3];
    expect(median(samples)).toBe(3);
    expect(samples).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(minimum([4, 1, 3])).toBe(1);
  });
});

describe('maxRelativeDifference', () => {
  it('is the largest |a − b| / |b| over all runs and epochs', () => {
    expect(maxRelativeDifference([[1, 2], [4]], [[1, 2], [4]])).toBe(0);
    expect(maxRelativeDifference([[1.5, 2], [4.4]], [[1, 2], [4]])).toBeCloseTo(0.5, 15);
    expect(maxRelativeDifference([[2.2]], [[2]])).toBeCloseTo(0.1, 15);
  });

  it('counts equal infinities as agreement, NaN and mismatched lengths as disagreement', () => {
    expect(maxRelativeDifference([[Infinity]], [[Infinity]])).toBe(0);
    expect(maxRelativeDifference([[Number.NaN]], [[1]])).toBeNaN();
    expect(maxRelativeDifference([[1, 2]], [[1]])).toBe(Infinity);
    expect(maxRelativeDifference([[1]], [[1], [2]])).toBe(Infinity);
  });
});
