import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FontFormatError, readFontMetrics } from './font-metrics';
import { fontFiles } from './render-chart';

const files = fontFiles();
const regular = readFontMetrics(readFileSync(files.regular));
const bold = readFontMetrics(readFileSync(files.bold));

/**
 * The advance width resvg itself gives `text` at 100 px: the ink width of 'H' + text + 'H' minus
 * that of 'HH' (H's side bearings cancel out). An independent measurement by the renderer.
 */
function resvgAdvance(text: string, weight: 'normal' | 'bold'): number {
  const inkWidth = (content: string) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="150" font-family="DejaVu Sans" font-weight="${weight}" font-size="100" xml:space="preserve">${content}</text></svg>`;
    const resvg = new Resvg(svg, {
      font: { fontFiles: [files.regular, files.bold], loadSystemFonts: false },
    });
    return resvg.getBBox()!.width;
  };
  return inkWidth(`H${text}H`) - inkWidth('HH');
}

describe('readFontMetrics on DejaVu Sans', () => {
  it('reads 2048 units per em from the head table', () => {
    expect(regular.unitsPerEm).toBe(2048);
    expect(bold.unitsPerEm).toBe(2048);
  });

  it('gives every digit the same width (tabular figures) and an empty string 0', () => {
    const digit = regular.width('0', 100);
    for (const d of '123456789') expect(regular.width(d, 100)).toBe(digit);
    expect(regular.width('', 12)).toBe(0);
  });

  it('scales linearly with the font size and adds up over characters', () => {
    expect(regular.width('relu', 24)).toBeCloseTo(2 * regular.width('relu', 12), 10);
    expect(regular.width('leakyRelu', 12)).toBeCloseTo(
      regular.width('leaky', 12) + regular.width('Relu', 12),
      10,
    );
  });

  it.each([
    ['leakyRelu', 'normal'],
    ['Training loss per epoch by activation', 'bold'],
    ['original data · 3-10-5-1 network · seed 0 – log', 'normal'],
    ['1e-7 0.001 WMmiil', 'normal'],
  ] as const)('matches the width resvg lays out for %j (%s), kerning aside', (text, weight) => {
    const measured = (weight === 'bold' ? bold : regular).width(text, 100);
    const actual = resvgAdvance(text, weight);
    // resvg kerns pairs such as 'ky', which only narrows the text: a layout from these widths
    // leaves at most a few pixels spare and never runs text over its box.
    expect(measured / actual).toBeGreaterThan(0.999);
    expect(measured / actual).toBeLessThan(1.03);
  });

  it('is narrower than Vega’s fallback guess of 0.8 em per character', () => {
    const text = 'softplus (diverged at 123)';
    expect(regular.width(text, 12)).toBeLessThan(0.7 * 0.8 * 12 * text.length);
  });

  it('rejects bytes that are not a TrueType font', () => {
    const bytes = new Uint8Array(64);
    expect(() => readFontMetrics(bytes)).toThrow(FontFormatError);
  });
});
