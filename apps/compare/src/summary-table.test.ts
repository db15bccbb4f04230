import { describe, expect, it } from 'vitest';
import { fakeResult } from '../test/fixtures/fake-result';
import { formatDuration, formatNumber, formatSummaryTable } from './summary-table';

describe('formatNumber', () => {
  it.each([
    [0.123456, '0.1235'],
    [12.3456, '12.35'],
    [1234.5, '1235'],
    [0.001, '0.001000'],
    [0.00099999, '1.000e-3'],
    [3e-7, '3.000e-7'],
    [123456, '1.235e+5'],
    [-0.5, '-0.5000'],
    [0, '0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('formats %s as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('formatDuration', () => {
  it('uses milliseconds below a second and seconds from one', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.000 s');
    expect(formatDuration(12345)).toBe('12.35 s');
  });
});

describe('formatSummaryTable', () => {
  const lines = formatSummaryTable(fakeResult()).split('\n');

  it('has a header, a rule and one row per activation', () => {
    expect(lines).toHaveLength(2 + 11);
    expect(lines[0]).toMatch(
      /^activation +final loss +best loss @ epoch +epochs to < 0\.1 +diverged +time$/,
    );
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
  });

  it('sorts by final loss: the fastest-decaying fake curve first, the diverged one last', () => {
    const names = lines.slice(2).map((line) => line.split(/ +/)[0]);
    expect(names[0]).toBe('gaussian');
    expect(names.at(-2)).toBe('heaviside');
    expect(names.at(-1)).toBe('identity');
  });

  it('shows the diverged epoch, "never" for a threshold not reached, and aligns columns', () => {
    const identity = lines.at(-1)!;
    expect(identity).toMatch(/^identity +inf +\S+ @ \d+ +never +at epoch 120 +40 ms$/);
    // Every row's right-aligned "final loss" column ends at the same place as its header.
    const end = lines[0]!.indexOf('final loss') + 'final loss'.length;
    for (const line of lines.slice(2)) expect(line[end - 1]).not.toBe(' ');
    for (const line of lines.slice(2)) expect(line[end]).toBe(' ');
  });

  it("aligns the best-loss column on its '@'", () => {
    const at = lines[0]!.indexOf(' @ ');
    expect(at).toBeGreaterThan(0);
    for (const line of lines.slice(2)) expect(line.indexOf(' @ ')).toBe(at);
  });

  it('formats the gaussian row from the fixture numbers', () => {
    // gaussian decays at rate 11/300: loss(199) = 0.01 + 8·exp(-199·11/300), computed here.
    const final = 0.01 + 8 * Math.exp((-199 * 11) / 300);
    const firstBelow = Math.ceil((Math.log(8 / 0.09) * 300) / 11);
    expect(lines[2]).toMatch(
      new RegExp(
        `^gaussian +${final.toPrecision(4)} +${final.toPrecision(4)} @ 199 +${firstBelow} +no +115 ms$`,
      ),
    );
  });
});
