import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartFont } from './chart-style';
import { type FontMetrics, readFontMetrics } from './font-metrics';

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
export function fontFiles(): { regular: string; bold: string } {
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

/** The part of a Vega text item that decides its width. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** Vega's text measurer; `vega` exports it at run time but its typings omit it. */
interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let installedMetrics: { regular: FontMetrics; bold: FontMetrics } | undefined;

/**
 * Makes Vega lay text out with DejaVu Sans' real advance widths instead of its canvas-less guess
 * (0.8 em per character), so legends, axis titles and the canvas fit the text resvg draws.
 * NOTE: Vega supports replacing `textMetrics.width` (vl-convert does the same); it is
 * process-wide state, set once.
 */
function installTextMetrics(): void {
  if (installedMetrics) return;
  const files = fontFiles();
  const metrics = {
    regular: readFontMetrics(readFileSync(files.regular)),
    bold: readFontMetrics(readFileSync(files.bold)),
  };
  const textMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  textMetrics.width = (item, text) => {
    const value = text == null ? '' : String(text).trim();
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    const width = (bold ? metrics.bold : metrics.regular).width(value, size);
    // A label with a limit is drawn truncated to it.
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
  installedMetrics = metrics;
}

/**
 * Renders a Vega-Lite spec headlessly: vega-lite compiles it to Vega, a Vega View with no
 * renderer draws the SVG, and resvg rasterises that SVG to a PNG with the bundled fonts only.
 */
export async function renderChart(
  spec: Record<string, unknown>,
  options: RenderOptions = {},
): Promise<RenderedChart> {
  installTextMetrics();
  const warnings: string[] = [];
  // Vega's own logger, at warning level, but collecting the messages instead of printing them.
  const collect = vega.logger(vega.Warn, undefined, (_method, _level, messages) => {
    warnings.push(messages.map(String).join(' '));
  });
  const vegaSpec = compile(spec as unknown as TopLevelSpec, { logger: collect }).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logger: collect });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }

  const files = fontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: options.pngWidth ?? 1200 },
    font: {
      fontFiles: [files.regular, files.bold],
      loadSystemFonts: false,
      defaultFontFamily: chartFont,
    },
  });
  const image = resvg.render();
  return { svg, png: image.asPng(), width: image.width, height: image.height, warnings };
}
