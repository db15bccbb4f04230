import type { ActivationSummary } from './types';

/** The y axis: linear, or logarithmic (base 10). */
export type LossScale = 'linear' | 'log';

/** Headroom over the highest starting loss of the curves that did not diverge. */
const topMargin: Record<LossScale, number> = { linear: 1.1, log: 1.3 };
/** A log axis never spans more than this many powers of ten below its top's power of ten. */
export const maxDecades = 12;

/**
 * One loss axis: its domain, where a loss lands in pixels (0 at the top), its ticks and their
 * labels, so every chart and every label placed by hand agree with the axis Vega draws.
 */
export interface LossAxis {
  scale: LossScale;
  /** [bottom, top]; on a log axis the bottom is a power of ten (the floor). */
  domain: [number, number];
  /** Pixels from the top of a plot `height` high; off-domain losses land outside [0, height]. */
  pixel(loss: number, height: number): number;
  /** Labelled ticks: the powers of ten in the domain on a log axis; undefined: Vega's own. */
  ticks: number[] | undefined;
  /** Unlabelled light gridlines: 2–9 × each power of ten on a log axis. */
  minorTicks: number[];
}

/**
 * The axis for these curves. Top: the highest epoch-0 mean loss of the curves that did not
 * diverge (of all curves if every one did), with headroom, so an exploding curve cannot squash
 * the others. Bottom: 0 on a linear axis; on a log axis the power of ten under the lowest mean
 * loss, but at most `maxDecades` below the top's, and at least one below it so two decades are
 * labelled; when every curve lies within about a decade, just under the lowest loss, with ticks
 * at 1, 2 and 5 × powers of ten. Bands are not considered: they are clipped to the curves' axis.
 */
export function lossAxis(summaries: readonly ActivationSummary[], scale: LossScale): LossAxis {
  const stable = summaries.filter((summary) => !summary.diverged && summary.mean.length > 0);
  const starts = (stable.length > 0 ? stable : summaries).flatMap((summary) =>
    summary.mean.length > 0 && summary.mean[0]! > 0 ? [summary.mean[0]!] : [],
  );
  const highest = Math.max(...starts);
  const top = Number.isFinite(highest) ? highest * topMargin[scale] : 1;
  if (scale === 'linear') {
    return {
      scale,
      domain: [0, top],
      pixel: (loss, height) => height * (1 - loss / top),
      ticks: undefined,
      minorTicks: [],
    };
  }
  let lowest = Number.POSITIVE_INFINITY;
  for (const summary of summaries) {
    for (const loss of summary.mean) if (loss > 0 && loss < lowest) lowest = loss;
  }
  const topDecade = Math.floor(Math.log10(top));
  // Curves within about a decade (a classification loss between 0.6 and 1.2, say): the axis
  // hugs them and ticks at 1, 2 and 5 × powers of ten, instead of a mostly empty decade below.
  const narrow = Number.isFinite(lowest) && Math.log10(top / lowest) < 1.2;
  const floorDecade = topDecade - maxDecades;
  const lowestDecade = Number.isFinite(lowest) ? Math.floor(Math.log10(lowest)) : topDecade - 1;
  const bottomDecade = narrow
    ? lowestDecade
    : Math.min(topDecade - 1, Math.max(floorDecade, lowestDecade));
  const bottom = narrow ? lowest / 1.25 : powerOfTen(bottomDecade);
  const span = Math.log10(top / bottom);
  const labelled = narrow ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  const minorTicks: number[] = [];
  for (let decade = bottomDecade; decade <= topDecade; decade++) {
    for (let multiple = 1; multiple <= 9; multiple++) {
      const tick = Number(`${multiple}e${decade}`);
      if (tick < bottom || tick > top) continue;
      (labelled.includes(multiple) ? ticks : minorTicks).push(tick);
    }
  }
  return {
    scale,
    domain: [bottom, top],
    pixel: (loss, height) =>
      loss > 0 ? height * ((Math.log10(top) - Math.log10(loss)) / span) : Number.POSITIVE_INFINITY,
    ticks,
    minorTicks,
  };
}

/** 10^decade, correctly rounded (`10 ** -7` is not always the nearest double to 1e-7). */
function powerOfTen(decade: number): number {
  return Number(`1e${decade}`);
}

const superscripts: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * `10⁻⁷`, or `2×10⁻¹` for a 1-2-5 tick: a log axis' tick label, the one tick format of every
 * chart.
 */
export function formatPowerOfTen(value: number): string {
  const decade = Math.floor(Math.log10(value) + 1e-9);
  const multiple = Math.round(value / Number(`1e${decade}`));
  const power = `10${[...String(decade)].map((c) => superscripts[c] ?? c).join('')}`;
  return multiple === 1 ? power : `${multiple}×${power}`;
}

/**
 * A loss for labels and titles: 3 significant digits, and for tiny or huge ones the axis' own
 * power-of-ten form (`4.26×10⁻⁸`), so a label reads like the tick beside it.
 */
export function formatLoss(loss: number): string {
  if (Number.isNaN(loss)) return 'NaN';
  if (!Number.isFinite(loss)) return loss > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(loss);
  if (magnitude === 0) return '0';
  if (magnitude >= 1e-3 && magnitude < 1e4) return loss.toPrecision(3);
  const [mantissa, exponent] = loss.toExponential(2).split('e');
  return `${mantissa}×${formatPowerOfTen(Number(`1e${exponent}`))}`;
}
