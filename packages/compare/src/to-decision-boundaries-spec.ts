import type { ActivationRegistry } from '@mg/activations';
import { curveEnd } from './curve-ends';
import { decisionSurface, planeBounds } from './decision-surface';
import { checkOptionKeys, optionKeys } from './dependencies';
import { lossAxis } from './loss-axis';
import { ranked, whatWasTrained } from './loss-chart-parts';
import { pointColours, surfaceScale } from './palette';
import { positiveWhole } from './spec-options';
import type { ComparisonResult } from './types';

/** Options of `toDecisionBoundariesSpec`. */
export interface DecisionBoundariesSpecOptions {
  /** Grid cells per side; default 40. */
  resolution?: number;
  /** Panels per row; default 4. */
  columns?: number;
  /** One panel's side in pixels; default 180. */
  panelSize?: number;
  /** Where the activation names are looked up; default `defaultRegistry()`. */
  registry?: ActivationRegistry;
}

/** Every key `toDecisionBoundariesSpec` reads from its options. */
export const decisionBoundariesSpecOptionKeys: readonly string[] =
  optionKeys<DecisionBoundariesSpecOptions>({
    resolution: true,
    columns: true,
    panelSize: true,
    registry: true,
  });

const method = 'toDecisionBoundariesSpec';

/**
 * A Vega-Lite v6 spec of each activation's decision boundary on a 2-D dataset (moons, circles,
 * xor, or your own): per activation, best final loss first like the small multiples, the trained
 * network's output (first seed) over the plane as a heatmap, blue (−1) through white (0, the
 * boundary) to orange (+1), clamped, on the same grid and colour scale in every panel, with the
 * training points on top coloured by target. A diverged run's panel says so and shows the points
 * only. Throws unless `hasDecisionSurface(result)`.
 */
export function toDecisionBoundariesSpec(
  result: ComparisonResult,
  options: DecisionBoundariesSpecOptions = {},
): Record<string, unknown> {
  checkOptionKeys(options, decisionBoundariesSpecOptionKeys, 'options', method);
  const columns = positiveWhole('options.columns', options.columns, 4, method);
  const size = positiveWhole('options.panelSize', options.panelSize, 180, method);
  const axis = lossAxis(result.results, 'log');
  const order = ranked(result.results);
  const cells: Record<string, number | string>[] = [];
  const diverged = new Set<string>();
  for (const summary of order) {
    const surface = decisionSurface(result, summary.activation, {
      resolution: options.resolution,
      registry: options.registry,
    });
    if (surface.outputs.length === 0) diverged.add(summary.activation);
    surface.outputs.forEach((row, j) => {
      row.forEach((output, i) => {
        const x = surface.xs[i]!;
        const y = surface.ys[j]!;
        // NOTE: cells overlap by a fifth: edge to edge, anti-aliasing draws light seams between them.
        const halfWidth = surface.cellWidth * 0.6;
        const halfHeight = surface.cellHeight * 0.6;
        cells.push({
          activation: summary.activation,
          x: x - halfWidth,
          x2: x + halfWidth,
          y: y - halfHeight,
          y2: y + halfHeight,
          output,
        });
      });
    });
  }
  const data = result.setup.data!;
  // Two classes, named by their own target values (±1, or 0 and 1 for a logistic loss).
  const targets = data.ys.map((target) =>
    Array.isArray(target) ? target[0]! : (target as number),
  );
  const low = Math.min(...targets);
  const high = Math.max(...targets);
  const classes = [low, high].map((value) => String(value).replace('-', '−'));
  const points = data.xs.map((row, i) => ({
    x: row[0]!,
    y: row[1]!,
    target: classes[targets[i]! > (low + high) / 2 ? 1 : 0]!,
  }));
  const bounds = planeBounds(data.xs);
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { domain: bounds.x, nice: false },
    title: null,
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    scale: { domain: bounds.y, nice: false },
    title: null,
  };
  const surfaceColour = {
    field: 'output',
    type: 'quantitative',
    title: 'network output',
    scale: { domain: [...surfaceScale.domain], range: [...surfaceScale.range], clamp: true },
  };
  const panels = order.map((summary) => {
    const name = JSON.stringify(summary.activation);
    const end = curveEnd(summary, axis);
    const layers: Record<string, unknown>[] = [];
    if (!diverged.has(summary.activation)) {
      layers.push({
        data: { name: 'cells' },
        transform: [{ filter: `datum.activation === ${name}` }],
        mark: { type: 'rect', strokeWidth: 0, clip: true },
        encoding: {
          x,
          x2: { field: 'x2' },
          y,
          y2: { field: 'y2' },
          color: {
            ...surfaceColour,
            legend: {
              type: 'gradient',
              orient: 'bottom',
              direction: 'horizontal',
              gradientLength: 200,
            },
          },
        },
      });
    }
    layers.push({
      data: { name: 'points' },
      mark: { type: 'point', filled: true, size: 36, stroke: 'white', strokeWidth: 1, opacity: 1 },
      encoding: {
        x,
        y,
        fill: {
          field: 'target',
          type: 'nominal',
          title: 'training target',
          scale: { domain: classes, range: [pointColours.negative, pointColours.positive] },
          legend: { orient: 'bottom', direction: 'horizontal' },
        },
      },
    });
    return {
      title: {
        text: `${summary.activation}  ${end.status}`,
        fontSize: 13,
        anchor: 'start',
        limit: size,
      },
      width: size,
      height: size,
      layer: layers,
    };
  });
  // NOTE: `\u00b7` (·) escaped in the regular expression: esbuild escapes strings, not regular
  // expressions, and one non-ASCII character makes V8 hold the whole bundle as two-byte text.
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Decision boundaries: each trained network’s output over the plane',
      subtitle: `${whatWasTrained(result)} · first seed's network · white = 0, the boundary`,
    },
    datasets: { cells, points },
    columns,
    concat: panels,
    spacing: { row: 24, column: 16 },
    resolve: {
      scale: { color: 'shared', fill: 'shared' },
      legend: { color: 'shared', fill: 'shared' },
    },
  };
}
