import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'relu', 4],
    ['relu', 'relu', 0],
    ['rleu', 'relu', 1], // one swap of neighbours
    ['relu', 'selu', 1],
    ['kitten', 'sitting', 3],
    ['sigmod', 'sigmoid', 1],
    ['ca', 'abc', 3], // optimal string alignment edits no substring twice
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestName', () => {
  const names = ['identity', 'sigmoid', 'tanh', 'relu', 'gelu', 'leakyRelu'];

  it('finds typos, ignoring case', () => {
    expect(closestName('rleu', names)).toBe('relu');
    expect(closestName('Sigmoud', names)).toBe('sigmoid');
    expect(closestName('LeakyReLU', names)).toBe('leakyRelu');
    expect(closestName('leaky_relu', names)).toBe('leakyRelu');
  });

  it('prefers the first name on ties', () => {
    expect(closestName('xelu', names)).toBe('relu');
  });

  it('suggests nothing for unrelated names or an empty list', () => {
    expect(closestName('softmax', names)).toBeUndefined();
    expect(closestName('relu', [])).toBeUndefined();
  });
});
