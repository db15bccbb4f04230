import { pointColours, surfaceScale } from '@mg/compare/browser';

/** `#rrggbb` → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// The report's decision-surface scale (@mg/compare's `surfaceScale`): one source for both.
const [low, middle, high] = surfaceScale.range.map(rgb) as [
  [number, number, number],
  [number, number, number],
  [number, number, number],
];

/** The RGB colour of an output value on the surface scale, clamped to [−1, 1]. */
export function outputColour(value: number): [number, number, number] {
  const t = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  const end = t < 0 ? low : high;
  const k = Math.abs(t);
  return [0, 1, 2].map((i) => middle[i]! + (end[i]! - middle[i]!) * k) as [number, number, number];
}

/** The CSS colour of a point of class `label` (−1 or +1), and of the sign of a weight. */
export function labelColour(label: number): string {
  return label < 0 ? pointColours.negative : pointColours.positive;
}

/** One number format for the page's data and grad figures: 4 significant digits, exponent when tiny or huge. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  return magnitude >= 1e-3 && magnitude < 1e5
    ? String(Number(x.toPrecision(4)))
    : x.toExponential(2);
}
