import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['relu', 'rleu', 2],
    ['moons', 'moon', 1],
    ['flaw', 'lawn', 2],
  ])('distance(%s, %s) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestName', () => {
  const flags = ['--epochs', '--layers', '--lr', '--seed', '--seeds'];

  it('finds the nearest candidate, ignoring case', () => {
    expect(closestName('--epoch', flags)).toBe('--epochs');
    expect(closestName('--LAYERS', flags)).toBe('--layers');
    expect(closestName('--sed', flags)).toBe('--seed');
  });

  it('gives up when nothing is close', () => {
    expect(closestName('--frobnicate', flags)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});
