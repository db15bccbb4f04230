import { describe, expect, it } from 'vitest';
import { chartConfig, chartFont, mergeConfig, styleSpec } from './chart-style';

describe('mergeConfig', () => {
  it('merges objects recursively, the override winning on leaves, arrays replaced whole', () => {
    const merged = mergeConfig(
      { a: 1, nested: { keep: true, size: 10 }, list: [1, 2] },
      { nested: { size: 14 }, list: [3], b: 'x' },
    );
    expect(merged).toEqual({ a: 1, nested: { keep: true, size: 14 }, list: [3], b: 'x' });
  });
});

describe('styleSpec', () => {
  it('keeps the spec and its own config keys, sets the app fonts and sizes, copies', () => {
    const spec = {
      mark: 'line',
      config: { legend: { orient: 'right', labelFontSize: 9 }, range: { category: ['#000'] } },
    };
    const styled = styleSpec(spec);
    expect(styled.mark).toBe('line');
    expect(styled.config).toMatchObject({
      font: chartFont,
      range: { category: ['#000'] },
      legend: { orient: 'right', labelFontSize: chartConfig.legend.labelFontSize },
    });
    expect(spec.config.legend.labelFontSize).toBe(9);
  });

  it('adds a config to a spec without one', () => {
    expect(styleSpec({ mark: 'line' }).config).toEqual(chartConfig);
  });
});
