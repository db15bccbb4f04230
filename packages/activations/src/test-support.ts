import { expect } from 'vitest';

/**
 * Test helper (not exported by the package): `actual` is within `relative`·|expected|, or within
 * `absolute`, of `expected`. The default, 1e-15, is about 4.5 units in the last place.
 */
export function expectClose(
  actual: number,
  expected: number,
  { relative = 1e-15, absolute = 0 }: { relative?: number; absolute?: number } = {},
): void {
  const error = Math.abs(actual - expected);
  const allowed = Math.max(absolute, relative * Math.abs(expected));
  expect(
    error,
    `${actual} differs from ${expected} by ${error} (allowed ${allowed})`,
  ).toBeLessThanOrEqual(allowed);
}

/** Reference row: [x, f(x), f'(x)]. */
export type ReferenceRow = readonly [x: number, f: number, derivative: number];
