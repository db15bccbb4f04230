import { describe, expect, it } from 'vitest';
import { placeLabels } from './place-labels';

describe('placeLabels', () => {
  it('leaves labels that do not collide at their targets', () => {
    expect(placeLabels([100, 10, 50], 15, 0, 200)).toEqual([100, 10, 50]);
  });

  it('spreads colliding labels around their mean, gap apart, keeping their order', () => {
    expect(placeLabels([100, 100, 101], 15, 0, 400)).toEqual([
      85 + 1 / 3,
      100 + 1 / 3,
      115 + 1 / 3,
    ]);
  });

  it('keeps blocks inside the bounds and shrinks the gap when they cannot fit', () => {
    expect(placeLabels([0, 0, 0], 10, 0, 100)).toEqual([0, 10, 20]);
    expect(placeLabels([5, 5, 5], 10, 0, 10)).toEqual([0, 5, 10]);
  });

  it('merges a block into the one above when spreading makes them meet', () => {
    const placed = placeLabels([50, 60, 62, 64], 10, 0, 200);
    const sorted = [...placed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(10);
    expect(placed.reduce((a, b) => a + b) / 4).toBeCloseTo(59);
  });
});
