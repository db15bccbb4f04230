import { describe, expect, it } from 'vitest';
import { fitStandardization, standardizeRows } from './standardize';

describe('fitStandardization and standardizeRows', () => {
  it('scales each column to mean 0 and standard deviation 1 with the given rows statistics', () => {
    const train = [
      [1, 10],
      [3, 10],
    ];
    const stats = fitStandardization(train);
    expect(stats).toEqual({ mean: [2, 10], std: [1, 1] });
    expect(standardizeRows(train, stats)).toEqual([
      [-1, 0],
      [1, 0],
    ]);
    // Held-out rows use the training rows' statistics, not their own.
    expect(standardizeRows([[5, 12]], stats)).toEqual([[3, 2]]);
  });

  it('only centres a column that is constant in the training rows (std 1, no division by 0)', () => {
    expect(fitStandardization([[4], [4]]).std).toEqual([1]);
  });
});
