import { checkResult } from './check-result';
import { type CurveEnd, curveEnd } from './curve-ends';
import { checkOptionKeys, InvalidArgumentError, optionKeys } from './dependencies';
import { coincidentGroups, interleavedDashes, solid } from './interleaved-dashes';
import { formatLoss, type LossAxis, type LossScale, lossAxis } from './loss-axis';
import {
  curveRows,
  epochX,
  lossTitleFor,
  lossY,
  minorGridLayers,
  ranked,
  sampleEpochs,
  seriesColours,
  subtitle,
} from './loss-chart-parts';
import { placeLabels } from './place-labels';
import { lossScaleOption } from './spec-options';
import type { ComparisonResult } from './types';

export type { LossScale } from './loss-axis';

/**
 * Log by default: the default run's losses span orders of magnitude (the best activations fall far
 * below their start while others stay near it), and on a linear axis the good ones merge at zero.
 */
export const defaultScale: LossScale = 'log';

/** Options of `toVegaLiteSpec`. */
export interface VegaLiteSpecOptions {
  /** Default `defaultScale`. */
  scale?: LossScale;
  /** Plot area in pixels; default 640 × 440. The image adds fixed margins around it. */
  width?: number;
  height?: number;
  /** Room for the end labels right of the plot, in pixels; default 290. */
  labelWidth?: number;
  /**
   * For a browser (vega-embed): hover tooltips (activation, epoch, loss) and a legend whose
   * entries isolate their curve on click. Default false: a still image with end labels only.
   */
  interactive?: boolean;
}

/** Every key `toVegaLiteSpec` reads from its options. */
export const vegaLiteSpecOptionKeys: readonly string[] = optionKeys<VegaLiteSpecOptions>({
  scale: true,
  width: true,
  height: true,
  labelWidth: true,
  interactive: true,
});

/** Points per curve at most; more would only repeat pixels (and bloat the spec). */
const maxPointsPerCurve = 2000;
/** Vertical distance between two end labels, in pixels (12 px text). */
const labelGap = 15;
/** Fixed margins around the plot: room for the title, subtitle and axes, whatever the data. */
const margin = { top: 66, left: 80, bottom: 50 };
/** The interactive chart's legend below the plot. */
const legendRoom = 90;

const method = 'toVegaLiteSpec';

/**
 * A Vega-Lite v6 spec of the loss curves (the mean over seeds, plus a light min–max band when
 * seeds > 1), data inline, one colour per activation from `palette`.
 *
 * Every curve is named where it ends: a label right of the plot with its final loss, moved apart
 * from its neighbours and joined to its curve's end by a short leader. Curves that lie on the same
 * pixels are drawn with interleaved dashes, so each colour shows along the shared line. The y
 * domain is set by the curves that did not diverge; a curve that leaves it is clipped and marked
 * where it leaves, differently for each way: ▲ 'diverged at epoch 5' (or above the axis) and ▼
 * 'reached < 10⁻¹⁰ at epoch 412' (below a log axis' floor). A log axis is labelled at powers of
 * ten only (`10⁻⁴`), with light gridlines between. The image has a fixed size (plot plus fixed
 * margins), so charts of two runs line up. Series labels are any strings.
 */
export function toVegaLiteSpec(
  result: ComparisonResult,
  options: VegaLiteSpecOptions = {},
): Record<string, unknown> {
  checkResult(result, method);
  checkOptionKeys(options, vegaLiteSpecOptionKeys, 'options', method);
  const scale = lossScaleOption(options.scale, defaultScale, method);
  const width = size('options.width', options.width, 640);
  const height = size('options.height', options.height, 440);
  const labelWidth = size('options.labelWidth', options.labelWidth, 290);
  const interactive = options.interactive ?? false;
  if (typeof interactive !== 'boolean') {
    throw new InvalidArgumentError({
      argument: 'options.interactive',
      method,
      expected: 'a boolean',
      received: interactive,
    });
  }
  const withBand = result.config.seeds > 1;
  const axis = lossAxis(result.results, scale);
  const order = ranked(result.results);
  const names = order.map((summary) => summary.activation);
  const colourOf = new Map(names.map((name, i) => [name, seriesColours(names)[i]!]));
  const ends = order.map((summary) => curveEnd(summary, axis));
  const dashes = dashArrays(
    order.map((summary) => summary.mean),
    ends,
    axis,
    height,
  );
  const lastEpoch = Math.max(1, result.config.epochs - 1);
  const yTitle = lossTitleFor(result);

  const values = curveRows(result.results, scale, withBand, maxPointsPerCurve);

  // Per layer, not shared: the grid and label layers have no epochs.
  const x = epochX(result.config.epochs);
  const isolate = interactive
    ? { opacity: { condition: { param: 'isolate', value: 1 }, value: 0.12 } }
    : {};
  const colour = {
    field: 'activation',
    type: 'nominal',
    title: interactive ? 'Click to isolate' : 'Activation',
    scale: { domain: names, range: names.map((name) => colourOf.get(name)) },
    legend: interactive
      ? {
          orient: 'bottom',
          direction: 'horizontal',
          columns: 6,
          symbolType: 'stroke',
          symbolStrokeWidth: 3,
          symbolOpacity: 1,
          labelLimit: 160,
        }
      : null,
  };
  const strokeDash = {
    field: 'activation',
    type: 'nominal',
    scale: { domain: names, range: names.map((name) => dashes.get(name) ?? solid) },
    legend: null,
  };
  const lineLayer: Record<string, unknown> = {
    mark: { type: 'line', clip: true, strokeWidth: 2 },
    encoding: { x, y: lossY(axis, 'loss', yTitle), color: colour, strokeDash, ...isolate },
  };
  // Held-out rows' loss: the same colour, dashed and thinner, over the training curves.
  const validationValues: Record<string, number | string>[] = [];
  for (const summary of result.results) {
    const mean = summary.validation?.mean ?? [];
    for (const epoch of sampleEpochs(mean.length, maxPointsPerCurve)) {
      const loss = mean[epoch]!;
      if (!Number.isFinite(loss) || (scale === 'log' && loss <= 0)) continue;
      validationValues.push({ activation: summary.activation, epoch, loss });
    }
  }
  if (interactive) {
    lineLayer.params = [
      { name: 'isolate', select: { type: 'point', fields: ['activation'] }, bind: 'legend' },
    ];
  }
  const layers: Record<string, unknown>[] = [...minorGridLayers(axis, yTitle)];
  if (withBand) {
    layers.push({
      // NOTE: light and without outline, so overlapping bands stay see-through.
      mark: { type: 'area', clip: true, opacity: 0.1 },
      encoding: {
        x,
        y: lossY(axis, 'min', yTitle),
        y2: { field: 'max' },
        color: { ...colour, legend: null },
        ...(interactive
          ? { opacity: { condition: { param: 'isolate', value: 0.1 }, value: 0.02 } }
          : {}),
      },
    });
  }
  layers.push(lineLayer);
  if (validationValues.length > 0) {
    layers.push({
      data: { values: validationValues },
      mark: { type: 'line', clip: true, strokeWidth: 1.5, strokeDash: [6, 3] },
      encoding: {
        x,
        y: lossY(axis, 'loss', yTitle),
        color: { ...colour, legend: null },
        ...isolate,
      },
    });
  }
  if (interactive) layers.push(hoverLayer(axis, result.config.epochs, yTitle));
  layers.push(
    ...endMarkLayers(
      ends,
      colourOf,
      axis,
      { width, height, lastEpoch, labelWidth },
      interactive,
      new Map(order.map((summary) => [summary.activation, summary.validation?.finalLoss])),
    ),
  );

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text:
        validationValues.length > 0
          ? 'Training (solid) and validation (dashed) loss per epoch by activation'
          : 'Training loss per epoch by activation',
      subtitle: subtitle(result, axis),
    },
    width,
    height,
    // Fixed margins instead of fitting the content: the image size never depends on the labels.
    autosize: { type: 'none', contains: 'content' },
    padding: {
      ...margin,
      right: labelWidth + 12,
      bottom: margin.bottom + (interactive ? legendRoom : 0),
    },
    data: { values },
    layer: layers,
  };
}

/** Dash arrays of curves that share their pixels with others (interleaved), by activation. */
function dashArrays(
  means: readonly number[][],
  ends: readonly CurveEnd[],
  axis: LossAxis,
  height: number,
): Map<string, number[]> {
  const pixels = means.map((mean, i) =>
    ends[i]!.kind === 'inside' ? mean.map((loss) => axis.pixel(loss, height)) : null,
  );
  const dashes = new Map<string, number[]>();
  for (const group of coincidentGroups(pixels)) {
    const patterns = interleavedDashes(group.length);
    group.forEach((index, k) => {
      dashes.set(ends[index]!.activation, patterns[k]!);
    });
  }
  return dashes;
}

/** The hover layer: an invisible point per datum, the nearest one shown and its tooltip given. */
function hoverLayer(axis: LossAxis, epochs: number, title: string): Record<string, unknown> {
  return {
    params: [
      {
        name: 'hover',
        select: {
          type: 'point',
          on: 'pointerover',
          nearest: true,
          clear: 'pointerout',
          fields: ['activation', 'epoch'],
        },
      },
    ],
    mark: { type: 'point', filled: true, size: 70, clip: true },
    encoding: {
      x: epochX(epochs),
      y: lossY(axis, 'loss', title),
      color: { field: 'activation', type: 'nominal', legend: null },
      opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
      tooltip: [
        { field: 'activation', type: 'nominal', title: 'activation' },
        { field: 'epoch', type: 'quantitative', title: 'epoch' },
        { field: 'loss', type: 'quantitative', title: 'loss', format: '.4~g' },
      ],
    },
  };
}

interface Frame {
  width: number;
  height: number;
  lastEpoch: number;
  labelWidth: number;
}

/**
 * The end labels (right of the plot, apart from each other), their leaders and swatches, and the
 * ▲/▼ marks where a curve leaves the plot. All in pixels (`scale: null`): they live partly in the
 * margin, which no data scale reaches.
 */
function endMarkLayers(
  ends: readonly CurveEnd[],
  colourOf: ReadonlyMap<string, string>,
  axis: LossAxis,
  { width, height, lastEpoch, labelWidth }: Frame,
  interactive: boolean,
  validationOf: ReadonlyMap<string, number | undefined>,
): Record<string, unknown>[] {
  const targets = ends.map((end) => {
    if (end.kind === 'diverged' || end.kind === 'above') return 0;
    if (end.kind === 'below') return height;
    return Math.min(height, Math.max(0, axis.pixel(end.loss, height)));
  });
  const positions = placeLabels(targets, labelGap, 0, height);
  const rows = ends.map((end, i) => ({
    activation: end.activation,
    kind: end.kind,
    text: withValidation(`${end.activation}  ${end.status}`, validationOf.get(end.activation)),
    colour: colourOf.get(end.activation)!,
    endX: end.kind === 'inside' ? width : (width * Math.min(end.epoch, lastEpoch)) / lastEpoch,
    endY: targets[i]!,
    leaderStart: width + 2,
    labelY: positions[i]!,
    leaderX: width + 18,
    swatchX: width + 18,
    swatchX2: width + 36,
    textX: width + 40,
    markY: end.kind === 'below' ? height - 6 : 6,
  }));
  const pixel = (field: string) => ({ field, type: 'quantitative', scale: null });
  const byColour = { field: 'colour', type: 'nominal', scale: null, legend: null };
  // In the report, the end labels fade with their curves when one is isolated.
  const opacity = interactive
    ? { opacity: { condition: { param: 'isolate', value: 1 }, value: 0.2 } }
    : {};
  const layers: { encoding: Record<string, unknown>; [key: string]: unknown }[] = [
    {
      data: { values: rows.filter((row) => row.kind === 'inside') },
      mark: { type: 'rule', strokeWidth: 1, clip: false },
      encoding: {
        x: pixel('leaderX'),
        x2: { field: 'leaderStart' },
        y: pixel('labelY'),
        y2: { field: 'endY' },
        color: byColour,
      },
    },
    {
      data: { values: rows },
      mark: { type: 'rule', strokeWidth: 3, clip: false },
      encoding: {
        x: pixel('swatchX'),
        x2: { field: 'swatchX2' },
        y: pixel('labelY'),
        color: byColour,
      },
    },
    {
      data: { values: rows.filter((row) => row.kind !== 'inside') },
      mark: { type: 'point', filled: true, size: 90, opacity: 1, clip: false },
      encoding: {
        x: pixel('endX'),
        y: pixel('markY'),
        color: byColour,
        shape: {
          field: 'kind',
          type: 'nominal',
          scale: {
            domain: ['diverged', 'above', 'below'],
            range: ['triangle-up', 'triangle-up', 'triangle-down'],
          },
          legend: null,
        },
      },
    },
    {
      data: { values: rows },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'middle',
        fontSize: 12,
        color: '#222222',
        limit: labelWidth - 40,
        clip: false,
      },
      encoding: { x: pixel('textX'), y: pixel('labelY'), text: { field: 'text' } },
    },
  ];
  return layers.map((layer) => ({ ...layer, encoding: { ...layer.encoding, ...opacity } }));
}

/** An end label with the final validation loss after it, when rows were held out. */
function withValidation(text: string, validation: number | undefined): string {
  return validation === undefined ? text : `${text} · val ${formatLoss(validation)}`;
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
