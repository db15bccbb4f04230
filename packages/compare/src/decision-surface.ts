import type { ActivationRegistry } from '@mg/activations';
import { createEvaluator, InvalidArgumentError } from './dependencies';
import { trainedNetwork } from './trained-network';
import type { ComparisonResult } from './types';

/** A network's output over a square grid of the input plane. */
export interface DecisionSurface {
  /** Cell centres along each axis, ascending. */
  xs: number[];
  ys: number[];
  /** Width and height of one cell. */
  cellWidth: number;
  cellHeight: number;
  /** `outputs[j][i]`: the output at (xs[i], ys[j]); empty when the run diverged. */
  outputs: number[][];
}

/** The plane a dataset's points span, with a margin of a tenth of the span (at least 0.25). */
export function planeBounds(xs: readonly (readonly number[])[]): {
  x: [number, number];
  y: [number, number];
} {
  const range = (k: number): [number, number] => {
    const values = xs.map((row) => row[k]!);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const margin = Math.max(0.25, (high - low) / 10);
    return [low - margin, high + margin];
  };
  return { x: range(0), y: range(1) };
}

/** Whether `result` can show decision boundaries: 2 inputs, 1 output, data and parameters kept. */
export function hasDecisionSurface(result: ComparisonResult): boolean {
  return (
    result.setup.inputs === 2 &&
    result.config.layers.at(-1) === 1 &&
    result.setup.data !== undefined &&
    result.results.every((summary) => summary.runs.every((run) => run.parameters !== undefined))
  );
}

/**
 * The trained network's output for `activation` (first seed) at the centres of a `resolution` ×
 * `resolution` grid over the training points' plane (`planeBounds`): what the heatmap of a
 * decision boundary draws. Every activation of a result gets the same grid.
 */
export function decisionSurface(
  result: ComparisonResult,
  activation: string,
  options: { resolution?: number; registry?: ActivationRegistry } = {},
): DecisionSurface {
  const method = 'decisionSurface';
  if (!hasDecisionSurface(result)) {
    throw new InvalidArgumentError({
      argument: 'result',
      method,
      expected: 'a result of a 2-input, 1-output network with its data and trained parameters',
      received: `${result.setup.inputs} inputs, layers ${result.config.layers.join(',')}`,
    });
  }
  const resolution = options.resolution ?? 40;
  if (!Number.isSafeInteger(resolution) || resolution < 2 || resolution > 400) {
    throw new InvalidArgumentError({
      argument: 'options.resolution',
      method,
      expected: 'an integer from 2 to 400',
      received: resolution,
    });
  }
  const bounds = planeBounds(result.setup.data!.xs);
  const cellWidth = (bounds.x[1] - bounds.x[0]) / resolution;
  const cellHeight = (bounds.y[1] - bounds.y[0]) / resolution;
  const xs = Array.from({ length: resolution }, (_, i) => bounds.x[0] + (i + 0.5) * cellWidth);
  const ys = Array.from({ length: resolution }, (_, j) => bounds.y[0] + (j + 0.5) * cellHeight);
  const model = trainedNetwork(result, activation, { registry: options.registry });
  if (model === null) return { xs, ys, cellWidth, cellHeight, outputs: [] };
  const grid = ys.flatMap((y) => xs.map((x) => [x, y]));
  // One traced forward pass replayed per grid point: no graph built per point.
  const { outputs } = createEvaluator(model, { xs: grid, ys: grid.map(() => 0) }).evaluate();
  return {
    xs,
    ys,
    cellWidth,
    cellHeight,
    outputs: ys.map((_, j) => Array.from(outputs.subarray(j * resolution, (j + 1) * resolution))),
  };
}
