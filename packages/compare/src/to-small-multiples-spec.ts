import { curveEnd } from './curve-ends';
import { checkOptionKeys, optionKeys } from './dependencies';
import { type LossScale, lossAxis } from './loss-axis';
import { curveRows, epochX, lossY, ranked, seriesColours, subtitle } from './loss-chart-parts';
import { contextGrey } from './palette';
import { lossScaleOption, positiveWhole } from './spec-options';
import { defaultScale } from './to-vega-lite-spec';
import type { ComparisonResult } from './types';

/** Options of `toSmallMultiplesSpec`. */
export interface SmallMultiplesSpecOptions {
  /** Default `defaultScale`. */
  scale?: LossScale;
  /** Panels per row; default 4. */
  columns?: number;
  /** One panel's plot area in pixels; default 220 × 130. */
  panelWidth?: number;
  panelHeight?: number;
}

/** Every key `toSmallMultiplesSpec` reads from its options. */
export const smallMultiplesSpecOptionKeys: readonly string[] =
  optionKeys<SmallMultiplesSpecOptions>({
    scale: true,
    columns: true,
    panelWidth: true,
    panelHeight: true,
  });

/** A panel is ~200 px wide: more points per curve would only repeat pixels. */
const maxPointsPerCurve = 400;
const method = 'toSmallMultiplesSpec';

/**
 * A Vega-Lite v6 spec of one small panel per activation, best final loss first, all on the same
 * axes: the panel's activation in its colour (with its min–max band when seeds > 1), every other
 * activation as a thin light-grey line for context, and the final loss (or how the curve left
 * the plot) in the panel's title. The figure to read when curves crowd the overlay chart.
 * The curves are stored once (`datasets.curves`) and filtered per panel.
 */
export function toSmallMultiplesSpec(
  result: ComparisonResult,
  options: SmallMultiplesSpecOptions = {},
): Record<string, unknown> {
  checkOptionKeys(options, smallMultiplesSpecOptionKeys, 'options', method);
  const scale = lossScaleOption(options.scale, defaultScale, method);
  const columns = positiveWhole('options.columns', options.columns, 4, method);
  const width = positiveWhole('options.panelWidth', options.panelWidth, 220, method);
  const height = positiveWhole('options.panelHeight', options.panelHeight, 130, method);
  const withBand = result.config.seeds > 1;
  const axis = lossAxis(result.results, scale);
  const order = ranked(result.results);
  const names = order.map((summary) => summary.activation);
  const colourOf = seriesColours(names);
  const curves = curveRows(order, scale, withBand, maxPointsPerCurve);

  const x = (row: number, rows: number) =>
    epochX(result.config.epochs, row === rows - 1 ? 'Epoch' : null);
  const rows = Math.ceil(order.length / columns);
  const panels = order.map((summary, i) => {
    const name = JSON.stringify(summary.activation);
    const row = Math.floor(i / columns);
    const first = i % columns === 0;
    const xEncoding = x(row, rows);
    const y = lossY(axis, 'loss', first ? 'Loss' : null);
    const layers: Record<string, unknown>[] = [
      {
        transform: [{ filter: `datum.activation !== ${name}` }],
        mark: { type: 'line', clip: true, strokeWidth: 1, color: contextGrey },
        encoding: { x: xEncoding, y, detail: { field: 'activation', type: 'nominal' } },
      },
    ];
    if (withBand) {
      layers.push({
        transform: [{ filter: `datum.activation === ${name}` }],
        mark: { type: 'area', clip: true, opacity: 0.25, color: colourOf[i] },
        encoding: {
          x: xEncoding,
          y: lossY(axis, 'min', first ? 'Loss' : null),
          y2: { field: 'max' },
        },
      });
    }
    layers.push({
      transform: [{ filter: `datum.activation === ${name}` }],
      mark: { type: 'line', clip: true, strokeWidth: 2, color: colourOf[i] },
      encoding: { x: xEncoding, y },
    });
    const end = curveEnd(summary, axis);
    if (end.kind !== 'inside') {
      // Where the curve leaves the plot: ▲ at the top (diverged, above), ▼ at the bottom (floor).
      const below = end.kind === 'below';
      layers.push({
        data: { values: [{ epoch: end.epoch, loss: axis.domain[below ? 0 : 1] }] },
        mark: {
          type: 'point',
          shape: below ? 'triangle-down' : 'triangle-up',
          filled: true,
          size: 80,
          opacity: 1,
          color: colourOf[i],
          clip: false,
          yOffset: below ? -5 : 5,
        },
        encoding: { x: xEncoding, y },
      });
    }
    return {
      title: {
        text: `${summary.activation}  ${end.status}`,
        fontSize: 12,
        anchor: 'start',
        limit: width + 20,
      },
      width,
      height,
      data: { name: 'curves' },
      layer: layers,
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Each activation against the others (grey), best final loss first',
      subtitle: subtitle(result, axis),
    },
    datasets: { curves },
    columns,
    concat: panels,
    spacing: { row: 28, column: 18 },
  };
}
