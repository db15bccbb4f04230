import { builtins } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import { colours } from './palette';
import type { ActivationSummary, ComparisonResult } from './types';

/** The y axis: linear, or logarithmic (base 10). */
export type LossScale = 'linear' | 'log';

/**
 * Log by default: the default run's losses span orders of magnitude (the best activations fall far
 * below their start while others stay near it), and on a linear axis the good ones merge at zero.
 */
export const defaultScale: LossScale = 'log';

/** Options of `toVegaLiteSpec`. */
export interface VegaLiteSpecOptions {
  /** Default `defaultScale`. */
  scale?: LossScale;
  /** Plot area in pixels; default 960 × 540 (about 1200 px wide with the legend). */
  width?: number;
  height?: number;
}

/** Headroom over the highest starting loss of the curves that did not diverge. */
const topMargin: Record<LossScale, number> = { linear: 1.1, log: 2 };
/** A log axis never spans more than this many powers of ten below its top. */
const maxDecades = 12;

const method = 'toVegaLiteSpec';

/**
 * A Vega-Lite v6 spec of the loss curves (the mean over seeds, plus the min–max band as an area
 * when seeds > 1), data inline, one colour per activation. The y domain is set by the curves that
 * did not diverge (their highest start, with headroom), and marks are clipped to it, so an
 * exploding curve cannot squash the others; such curves are marked in the legend:
 * 'softplus (diverged at 12)' or 'relu  4.00 (clipped)'. The legend is ordered by final loss,
 * best first, and gives each activation's final loss.
 */
export function toVegaLiteSpec(
  result: ComparisonResult,
  options: VegaLiteSpecOptions = {},
): Record<string, unknown> {
  const scale = options.scale ?? defaultScale;
  if (scale !== 'linear' && scale !== 'log') {
    throw new InvalidArgumentError({
      argument: 'options.scale',
      method,
      expected: "'linear' or 'log'",
      received: scale,
    });
  }
  const width = size('options.width', options.width, 960);
  const height = size('options.height', options.height, 540);
  const summaries = result.results;
  const withBand = result.config.seeds > 1;
  const domain = yDomain(summaries, scale, withBand);
  const [bottom, top] = domain;
  // The legend lists the activations best first, each with its final loss, so that curves
  // bunched together can still be told apart by reading the legend from top to bottom.
  const ranked = [...summaries].sort((p, q) => rank(p) - rank(q));
  const labels = ranked.map((summary) => {
    if (summary.diverged) return `${summary.activation} (diverged at ${summary.divergedEpoch})`;
    const outside = summary.mean.some((loss) => loss > top || loss < bottom);
    const label = `${summary.activation}  ${formatLoss(summary.finalLoss)}`;
    return outside ? `${label} (clipped)` : label;
  });
  const names = ranked.map((summary) => summary.activation);
  const values: Record<string, number | string>[] = [];
  for (const summary of summaries) {
    summary.mean.forEach((loss, epoch) => {
      const point: Record<string, number | string> = {
        epoch,
        activation: summary.activation,
        loss,
      };
      if (withBand) {
        point.min = summary.min[epoch]!;
        point.max = summary.max[epoch]!;
      }
      // A log axis cannot place 0; such points are left out rather than drawn at -Infinity.
      if (scale === 'log' && (loss <= 0 || (withBand && summary.min[epoch]! <= 0))) return;
      values.push(point);
    });
  }
  const yScale = { type: scale, domain, ...(scale === 'log' ? { base: 10 } : { zero: true }) };
  const yTitle = 'Loss (sum of squared errors)';
  const lineLayer = {
    mark: { type: 'line', clip: true, strokeWidth: 2 },
    encoding: { y: { field: 'loss', type: 'quantitative', scale: yScale, title: yTitle } },
  };
  const bandLayer = {
    mark: { type: 'area', clip: true, opacity: 0.15 },
    encoding: {
      y: { field: 'min', type: 'quantitative', scale: yScale, title: yTitle },
      y2: { field: 'max' },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Training loss per epoch by activation', subtitle: subtitle(result, scale) },
    width,
    height,
    data: { values },
    encoding: {
      x: {
        field: 'epoch',
        type: 'quantitative',
        title: 'Epoch',
        scale: { domain: [0, Math.max(1, result.config.epochs - 1)], nice: false },
      },
      color: {
        field: 'activation',
        type: 'nominal',
        title: 'Activation, final loss',
        scale: {
          domain: names,
          range: colours(
            names,
            builtins.map((a) => a.name),
          ),
        },
        legend: {
          labelExpr: legendLabels(names, labels),
          labelLimit: 400,
          symbolType: 'stroke',
          // NOTE: without this the legend takes the band's 0.15 opacity when seeds > 1.
          symbolOpacity: 1,
          symbolStrokeWidth: 3,
        },
      },
    },
    layer: withBand ? [bandLayer, lineLayer] : [lineLayer],
  };
}

/** Sort key: final loss, diverged (and NaN) curves last. */
function rank(summary: ActivationSummary): number {
  return summary.diverged || Number.isNaN(summary.finalLoss)
    ? Number.POSITIVE_INFINITY
    : summary.finalLoss;
}

/** A loss for the legend: 3 significant digits, in exponent form when tiny or huge. */
function formatLoss(loss: number): string {
  const magnitude = Math.abs(loss);
  if (magnitude === 0) return '0';
  return magnitude < 1e-3 || magnitude >= 1e4 ? loss.toExponential(2) : loss.toPrecision(3);
}

function size(argument: string, value: unknown, fallback: number): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || !Number.isFinite(resolved) || resolved <= 0) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: 'a finite number > 0',
      received: resolved,
    });
  }
  return resolved;
}

/**
 * [bottom, top] of the y axis. Top: the highest epoch-0 mean loss of the curves that did not
 * diverge (of all curves if every one did), with headroom; a band reaching above it is clipped
 * rather than squeezing the curves. Bottom: 0 on a linear axis; on a log axis just
 * under the lowest positive value drawn, but at most `maxDecades` powers of ten below the top.
 */
export function yDomain(
  summaries: readonly ActivationSummary[],
  scale: LossScale,
  withBand: boolean,
): [number, number] {
  const stable = summaries.filter((summary) => !summary.diverged && summary.mean.length > 0);
  const starts = (stable.length > 0 ? stable : summaries).flatMap((summary) =>
    summary.mean.length > 0 ? [summary.mean[0]!] : [],
  );
  const highest = Math.max(...starts.filter((loss) => loss > 0));
  const top = Number.isFinite(highest) ? highest * topMargin[scale] : 1;
  if (scale === 'linear') return [0, top];
  let lowest = Number.POSITIVE_INFINITY;
  for (const summary of summaries) {
    for (const loss of withBand ? summary.min : summary.mean) {
      if (loss > 0 && loss < lowest) lowest = loss;
    }
  }
  const floor = top / 10 ** maxDecades;
  const bottom = Number.isFinite(lowest) ? Math.max(floor, lowest / 1.25) : top / 10;
  return [Math.min(bottom, top / 10), top];
}

/** A Vega expression mapping each activation name to its legend label. */
function legendLabels(names: readonly string[], labels: readonly string[]): string {
  const table = Object.fromEntries(names.map((name, i) => [name, labels[i]]));
  return `${JSON.stringify(table)}[datum.value] || datum.label`;
}

function subtitle(result: ComparisonResult, scale: LossScale): string {
  const { config, setup } = result;
  const shape = [setup.inputs, ...config.layers].join('-');
  const runs =
    config.seeds > 1
      ? `mean of seeds ${config.seed}–${config.seed + config.seeds - 1}, band: min–max`
      : `seed ${config.seed}`;
  const axis = scale === 'log' ? 'log scale' : 'linear scale';
  return `${config.dataset} data · ${shape} network · SGD, learning rate ${config.learningRate} · ${runs} · ${axis}`;
}
