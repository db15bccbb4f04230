/** The family every chart text uses; the PNG renderer loads it from the bundled DejaVu files. */
export const chartFont = 'DejaVu Sans';

/**
 * The plot area in SVG pixels. With axes and legend the SVG is about 900 px wide, so the 1200 px
 * PNG draws it at ~1.35x: 12 px labels become ~16 px, 2 px lines ~3 px.
 */
export const chartSize = { width: 640, height: 440 } as const;

/**
 * Presentation for a chart read as a 1200 px PNG or an SVG: the bundled font everywhere, larger
 * text than Vega-Lite's 10–11 px defaults, thicker lines, a legend with wide swatches.
 * This is a Vega-Lite `config`; {@link styleSpec} merges it into the library's spec.
 */
export const chartConfig = {
  font: chartFont,
  background: 'white',
  padding: 12,
  title: { fontSize: 18, subtitleFontSize: 13, subtitleColor: '#555', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, titlePadding: 10, gridColor: '#e8e8e8' },
  legend: {
    labelFontSize: 12,
    titleFontSize: 13,
    symbolStrokeWidth: 3,
    symbolSize: 240,
    labelLimit: 320,
    rowPadding: 4,
  },
  line: { strokeWidth: 2 },
} as const;

/** True for a plain object (not an array, not null): the only values {@link mergeConfig} descends into. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with `overrides` merged in, objects recursively; `overrides` wins on every leaf. */
export function mergeConfig(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const existing = merged[key];
    merged[key] =
      isPlainObject(existing) && isPlainObject(value) ? mergeConfig(existing, value) : value;
  }
  return merged;
}

/**
 * The library's spec with {@link chartConfig} merged into its `config` (the app's presentation
 * wins, the data, encodings and the library's other choices stay). Returns a new object.
 */
export function styleSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const config = isPlainObject(spec.config) ? spec.config : {};
  return { ...spec, config: mergeConfig(config, chartConfig) };
}
