/**
 * The plane's one diverging scale, from class −1 (orange) through white to class +1 (blue), the
 * pair TensorFlow Playground uses: it stays apart for the common colour-vision deficiencies.
 */
export const classColours = { negative: [232, 125, 20], positive: [20, 110, 190] } as const;

/** The RGB colour of an output value, clamped to [−1, 1]. */
export function outputColour(value: number): [number, number, number] {
  const t = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  const [r, g, b] = t < 0 ? classColours.negative : classColours.positive;
  const k = Math.abs(t);
  return [255 + (r - 255) * k, 255 + (g - 255) * k, 255 + (b - 255) * k];
}

/** A CSS colour for a class label. */
export function labelColour(label: number): string {
  const [r, g, b] = label < 0 ? classColours.negative : classColours.positive;
  return `rgb(${r}, ${g}, ${b})`;
}

/** One number format for every figure on the page: 4 significant digits, exponent when tiny or huge. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  return magnitude >= 1e-3 && magnitude < 1e5
    ? String(Number(x.toPrecision(4)))
    : x.toExponential(2);
}
