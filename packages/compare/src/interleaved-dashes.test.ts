import { describe, expect, it } from 'vitest';
import { coincidentGroups, interleavedDashes } from './interleaved-dashes';

describe('coincidentGroups', () => {
  it('groups curves that stay within the tolerance over their last 30 %', () => {
    const flat = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const near = [90, 50, 30, 20, 11, 11, 11, 11, 11, 11];
    const far = flat.map((y) => y + 5);
    expect(coincidentGroups([flat, far, near, null])).toEqual([[0, 2]]);
  });
});

describe('interleavedDashes', () => {
  it('gives each of n lines one segment in turn over a common period', () => {
    expect(interleavedDashes(3, 5)).toEqual([
      [5, 10],
      [0, 5, 5, 5],
      [0, 10, 5, 0],
    ]);
    for (const dash of interleavedDashes(4)) expect(dash.reduce((a, b) => a + b)).toBe(28);
  });
});
