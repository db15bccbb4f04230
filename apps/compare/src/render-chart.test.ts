import { toVegaLiteSpec } from '@mg/compare';
import { describe, expect, it } from 'vitest';
import { builtinNames, fakeResult } from '../test/fixtures/fake-result';
import { chartFont, styleSpec } from './chart-style';
import { fontFiles, renderChart } from './render-chart';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('fontFiles', () => {
  it('resolves the bundled DejaVu Sans regular and bold TrueType files', () => {
    const { regular, bold } = fontFiles();
    expect(regular).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans\.ttf$/);
    expect(bold).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans-Bold\.ttf$/);
  });
});

describe('renderChart', () => {
  it('renders the library spec of a fake result to an SVG and a 1200 px PNG, without warnings', async () => {
    const chart = await renderChart(styleSpec(toVegaLiteSpec(fakeResult())));
    expect(chart.warnings).toEqual([]);
    expect([...chart.png.subarray(0, 8)]).toEqual(pngSignature);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    expect(chart.width).toBe(1200);
    // The PNG keeps the SVG's aspect ratio.
    const [, svgWidth, svgHeight] = /width="(\d+)" height="(\d+)"/.exec(chart.svg)!.map(Number);
    expect(chart.height).toBe(Math.round((1200 * svgHeight!) / svgWidth!));
    for (const name of builtinNames) expect(chart.svg).toContain(`>${name}`);
    expect(chart.svg).toContain('>identity  diverged at epoch 120<');
    expect(chart.svg).toContain(`font-family="${chartFont}"`);
    expect(chart.svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
  });

  it('honours pngWidth', async () => {
    const chart = await renderChart(styleSpec(toVegaLiteSpec(fakeResult(30))), { pngWidth: 600 });
    expect(pngSize(chart.png).width).toBe(600);
  });

  it('reports the spec problems Vega-Lite finds instead of printing them', async () => {
    const chart = await renderChart({
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: {
        x: { field: 'a', type: 'quantitative' },
        shape: { field: 'a', type: 'quantitative' },
      },
    });
    expect(chart.warnings.length).toBeGreaterThan(0);
  });
});
