import { describe, expect, it } from 'vitest';
import { splitDataset } from './split-dataset';

const rows = (n: number, classOf: (i: number) => number) => ({
  xs: Array.from({ length: n }, (_, i) => [i]),
  ys: Array.from({ length: n }, (_, i) => [classOf(i)]),
});

describe('splitDataset', () => {
  it('holds out the share asked for, the same rows for the same seed, in the original order', () => {
    const data = rows(50, (i) => i);
    const a = splitDataset(data, 0.2, 7, false);
    expect(a.validation.xs).toHaveLength(10);
    expect(a.train.xs).toHaveLength(40);
    expect(splitDataset(data, 0.2, 7, false)).toEqual(a);
    expect(splitDataset(data, 0.2, 8, false).validation).not.toEqual(a.validation);
    const held = a.validation.xs.map(([i]) => i!);
    expect(held).toEqual([...held].sort((p, q) => p - q));
    // Every row lands on exactly one side.
    expect([...held, ...a.train.xs.map(([i]) => i!)].sort((p, q) => p - q)).toEqual(
      data.xs.map(([i]) => i),
    );
  });

  it('stratifies: each class is held out in proportion', () => {
    // 40 of class 0, 10 of class 1.
    const data = rows(50, (i) => (i % 5 === 0 ? 1 : 0));
    const { validation } = splitDataset(data, 0.2, 3, true);
    const ones = validation.ys.filter(([y]) => y === 1).length;
    expect(validation.ys).toHaveLength(10);
    expect(ones).toBe(2);
  });

  it('holds out at least one row, keeps one of each class for training, and none at 0', () => {
    const tiny = rows(4, (i) => i % 2);
    const split = splitDataset(tiny, 0.1, 1, true);
    expect(split.validation.xs).toHaveLength(1);
    expect(new Set(split.train.ys.map(([y]) => y))).toEqual(new Set([0, 1]));
    expect(splitDataset(tiny, 0, 1, true).validation.xs).toEqual([]);
    expect(splitDataset(tiny, 0.9, 1, true).train.xs).toHaveLength(2);
  });
});
