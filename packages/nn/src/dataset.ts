import { InvalidArgumentError } from '@mg/engine';
import { assertFiniteVector } from './validate';

/**
 * Training data: `xs[i]` is the i-th input row, `ys[i]` its target: an array with one number per
 * output, or just a number when the network has one output.
 */
export interface Dataset {
  xs: readonly (readonly number[])[];
  ys: readonly (readonly number[])[] | readonly number[];
}

/** A checked dataset with every target as an array. */
export interface Samples {
  xs: readonly (readonly number[])[];
  ys: readonly (readonly number[])[];
}

/**
 * Checks that `dataset` fits a network with `inputs` inputs and `outputs` outputs: a non-empty
 * `xs`, every row `inputs` finite numbers, as many targets as rows, each `outputs` finite numbers.
 */
export function checkDataset(
  dataset: unknown,
  inputs: number,
  outputs: number,
  method: string,
): Samples {
  if (typeof dataset !== 'object' || dataset === null) {
    throw new InvalidArgumentError({
      argument: 'dataset',
      method,
      expected: 'an object { xs: number[][], ys: number[][] | number[] }',
      received: dataset,
    });
  }
  const { xs, ys } = dataset as { xs?: unknown; ys?: unknown };
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new InvalidArgumentError({
      argument: 'dataset.xs',
      method,
      expected: 'a non-empty array of input rows',
      received: xs,
    });
  }
  if (!Array.isArray(ys) || ys.length !== xs.length) {
    throw new InvalidArgumentError({
      argument: 'dataset.ys',
      method,
      expected: `an array of ${xs.length} targets (one per row of dataset.xs)`,
      received: ys,
    });
  }
  const rows = xs.map((x, i) =>
    assertFiniteVector(
      x,
      inputs,
      `dataset.xs[${i}]`,
      method,
      `an array of ${inputs} finite numbers (every row as long as the network's inputs)`,
    ),
  );
  const targets = ys.map((y, i) => {
    if (outputs === 1 && typeof y === 'number') {
      if (Number.isFinite(y)) return [y];
      throw new InvalidArgumentError({
        argument: `dataset.ys[${i}]`,
        method,
        expected: 'a finite number',
        received: y,
      });
    }
    return assertFiniteVector(
      y,
      outputs,
      `dataset.ys[${i}]`,
      method,
      `an array of ${outputs} finite numbers (one per output)${outputs === 1 ? ' or a number' : ''}`,
    );
  });
  return { xs: rows, ys: targets };
}

/**
 * The samples as `Tape.runSamples` and `Tape.forwardSamples` read them: row i is sample i's
 * inputs, then its targets, in one array.
 */
export function sampleRows(samples: Samples): Float64Array {
  const count = samples.xs.length;
  const inputs = samples.xs[0]!.length;
  const width = inputs + samples.ys[0]!.length;
  const rows = new Float64Array(count * width);
  for (let i = 0; i < count; i++) {
    rows.set(samples.xs[i]!, i * width);
    rows.set(samples.ys[i]!, i * width + inputs);
  }
  return rows;
}
