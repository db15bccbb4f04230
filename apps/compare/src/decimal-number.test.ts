import { describe, expect, it } from 'vitest';
import { readDecimal } from './decimal-number';

describe('readDecimal', () => {
  it.each([
    ['1000', 1000],
    ['0.001', 0.001],
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['2.', 2],
    ['.5', 0.5],
    ['+7', 7],
    ['-3', -3],
    [' 50 ', 50],
    ['1e999', Number.POSITIVE_INFINITY],
  ])('reads %j as %d', (text, value) => {
    expect(readDecimal(text)).toBe(value);
  });

  // Regression: `--lr 0x10` was read as 16 while `--epochs 0x10` was refused.
  it.each([
    '0x10',
    '0b1',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '',
    ' ',
    '1e',
    'e3',
    '.',
    '1_000',
    '1,5',
  ])('refuses %j', (text) => {
    expect(readDecimal(text)).toBeUndefined();
  });
});
