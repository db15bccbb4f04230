import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { logger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartFont } from './chart-style';

/** The rendered chart. */
export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** The PNG's size in pixels. */
  width: number;
  height: number;
  /** Warnings from Vega-Lite and Vega (an empty list for a sound spec). */
  warnings: string[];
}

/** Options of {@link renderChart}. */
export interface RenderOptions {
  /** Width of the PNG in pixels; the height keeps the SVG's aspect ratio. Default 1200. */
  pngWidth?: number;
}

const require = createRequire(import.meta.url);

/**
 * Paths of the bundled DejaVu Sans regular and bold TrueType files (the `dejavu-fonts-ttf`
 * package), so the PNG's text looks the same on every machine.
 */
export function fontFiles(): string[] {
  return [
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ];
}

/**
 * Renders a Vega-Lite spec headlessly: vega-lite compiles it to Vega, a Vega View with no
 * renderer draws the SVG, and resvg rasterises that SVG to a PNG with the bundled fonts only.
 */
export async function renderChart(
  spec: Record<string, unknown>,
  options: RenderOptions = {},
): Promise<RenderedChart> {
  const warnings: string[] = [];
  // Vega's own logger, at warning level, but collecting the messages instead of printing them.
  const collect = logger(Warn, undefined, (_method, _level, messages) => {
    warnings.push(messages.map(String).join(' '));
  });
  const vegaSpec = compile(spec as unknown as TopLevelSpec, { logger: collect }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger: collect });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }

  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: options.pngWidth ?? 1200 },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: chartFont },
  });
  const image = resvg.render();
  return { svg, png: image.asPng(), width: image.width, height: image.height, warnings };
}
