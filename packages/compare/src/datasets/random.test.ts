import { describe, expect, it } from 'vitest';
import { createRandom, linspace } from './random';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.uniform());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws uniforms in [0, 1) and normals with mean ~0 and deviation ~1', () => {
    const random = createRandom(1);
    const uniforms = Array.from({ length: 4000 }, () => random.uniform());
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    const normals = Array.from({ length: 4000 }, () => random.normal());
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const variance = normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length;
    // Standard error of the mean is 1/sqrt(4000) ≈ 0.016, so 0.08 is five of them.
    expect(Math.abs(mean)).toBeLessThan(0.08);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.08);
    expect(normals.every(Number.isFinite)).toBe(true);
  });
});

describe('linspace', () => {
  it('includes both ends and spaces evenly', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(-2, 2, 1)).toEqual([-2]);
  });
});
