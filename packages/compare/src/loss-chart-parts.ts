import { builtins } from './dependencies';
import { formatPowerOfTen, type LossAxis, type LossScale } from './loss-axis';
import { colours } from './palette';
import { rankSummaries } from './summarize';
import type { ActivationSummary, ComparisonResult } from './types';

/** The y axis' title in a loss chart of the original's loss (the default). */
export const lossTitle = 'Loss (sum of squared errors)';

const lossTitles: Record<string, string> = {
  sse: lossTitle,
  mse: 'Loss (mean squared error)',
  bce: 'Loss (binary cross-entropy)',
};

/** The y axis' title for the loss a comparison trained with (results made by hand: sse). */
export function lossTitleFor(result: ComparisonResult): string {
  return lossTitles[result.config.loss ?? 'sse'] ?? lossTitle;
}

/**
 * The summaries best first (stable for ties): by final validation loss when rows were held out,
 * else by final loss; diverged last (`rankSummaries`).
 */
export function ranked(summaries: readonly ActivationSummary[]): ActivationSummary[] {
  return rankSummaries(summaries);
}

/** Each name's colour: a built-in's own, a spare one for any other label. */
export function seriesColours(names: readonly string[]): string[] {
  return colours(
    names,
    builtins.map((activation) => activation.name),
  );
}

/**
 * Epochs to draw of a curve `length` long: every one up to `maxPoints`, else an even stride that
 * keeps the first two and the last (a curve's start and end matter most), so a long run does not
 * put millions of points in a spec.
 */
export function sampleEpochs(length: number, maxPoints: number): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, epoch) => epoch);
  const stride = (length - 1) / (maxPoints - 1);
  const epochs = new Set<number>([0, 1]);
  for (let i = 0; i < maxPoints; i++) epochs.add(Math.round(i * stride));
  epochs.add(length - 1);
  return [...epochs].sort((a, b) => a - b);
}

/**
 * The rows a loss chart draws: `{ activation, epoch, loss }` (plus `min`, `max` with a band) at
 * `sampleEpochs` of each mean curve. A log axis cannot place 0: such points are left out rather
 * than drawn at -Infinity.
 */
export function curveRows(
  summaries: readonly ActivationSummary[],
  scale: LossScale,
  withBand: boolean,
  maxPointsPerCurve: number,
): Record<string, number | string>[] {
  const rows: Record<string, number | string>[] = [];
  for (const summary of summaries) {
    for (const epoch of sampleEpochs(summary.mean.length, maxPointsPerCurve)) {
      const loss = summary.mean[epoch]!;
      if (scale === 'log' && (loss <= 0 || (withBand && summary.min[epoch]! <= 0))) continue;
      const row: Record<string, number | string> = { activation: summary.activation, epoch, loss };
      if (withBand) {
        row.min = summary.min[epoch]!;
        row.max = summary.max[epoch]!;
      }
      rows.push(row);
    }
  }
  return rows;
}

/** The y encoding of a loss: explicit domain, powers-of-ten ticks in one format on a log axis. */
export function lossY(axis: LossAxis, field = 'loss', title: string | null = lossTitle) {
  const scale =
    axis.scale === 'log'
      ? { type: 'log', base: 10, domain: axis.domain, nice: false }
      : { type: 'linear', domain: axis.domain, nice: false, zero: true };
  const labels = Object.fromEntries(
    (axis.ticks ?? []).map((tick) => [tick, formatPowerOfTen(tick)]),
  );
  const axisSpec =
    axis.ticks === undefined
      ? { title, format: '~g', tickCount: 6 }
      : {
          title,
          values: axis.ticks,
          labelExpr: `${JSON.stringify(labels)}[datum.value] || datum.label`,
          gridColor: '#d4d4d4',
        };
  return { field, type: 'quantitative', scale, axis: axisSpec };
}

/** The x encoding: epochs from 0 to the last, no rounding of the domain. */
export function epochX(epochs: number, title: string | null = 'Epoch') {
  return {
    field: 'epoch',
    type: 'quantitative',
    title,
    scale: { domain: [0, Math.max(1, epochs - 1)], nice: false },
    // Axes (and so their gridlines) stay behind the curves: drawn in front, the light gridlines
    // cut small gaps into every curve they cross.
    axis: { format: '~d', gridColor: '#e6e6e6', tickCount: 10 },
  };
}

/** Light unlabelled gridlines at 2–9 × each power of ten of a log axis (none on a linear one). */
export function minorGridLayers(
  axis: LossAxis,
  title: string | null = lossTitle,
): Record<string, unknown>[] {
  if (axis.minorTicks.length === 0) return [];
  return [
    {
      data: { values: axis.minorTicks.map((tick) => ({ tick })) },
      mark: { type: 'rule', color: '#f0f0f0', strokeWidth: 1 },
      // NOTE: the curves' own axis: an `axis: null` here would remove the shared axis.
      encoding: {
        y: lossY(axis, 'tick', title),
        // From 1 px right of the y axis line, which these light rules would otherwise break
        // (the axes are drawn behind the marks).
        x: { value: 1 },
        x2: { value: 'width' },
      },
    },
  ];
}

const optimizerLabels: Record<string, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
};

/**
 * A loss chart's subtitle: `original data · 3-10-5-1 network · SGD, learning rate 0.001 · seed 0 ·
 * log scale`; with held-out rows it says the dashed curves are their loss.
 */
export function subtitle(result: ComparisonResult, axis: LossAxis): string {
  const scale = axis.scale === 'log' ? 'log scale' : 'linear scale';
  const rows = result.setup.validationRows;
  const held = rows ? ` · dashed: validation (${rows} held-out rows)` : '';
  return `${whatWasTrained(result)} · ${scale}${held}`;
}

/**
 * What every chart says first: `original data · 3-10-5-1 network · SGD, learning rate 0.001 ·
 * seed 0` (with several seeds, their mean and band).
 */
export function whatWasTrained(result: ComparisonResult): string {
  const { config, setup } = result;
  const shape = [setup.inputs, ...config.layers].join('-');
  const runs =
    config.seeds > 1
      ? `mean of seeds ${config.seed}–${config.seed + config.seeds - 1}, band: min–max`
      : `seed ${config.seed}`;
  const optimizer = optimizerLabels[config.optimizer ?? 'sgd'] ?? config.optimizer;
  return `${config.dataset} data · ${shape} network · ${optimizer}, learning rate ${config.learningRate} · ${runs}`;
}
