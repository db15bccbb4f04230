/** Per input column: the mean and standard deviation the inputs are standardised with. */
export interface Standardization {
  mean: number[];
  std: number[];
}

/**
 * The mean and (population) standard deviation of each column of `xs`: the training rows only,
 * so nothing about the held-out rows leaks into training. A column that is constant in these
 * rows gets std 1 (it is only centred), so no division by 0 can happen.
 */
export function fitStandardization(xs: readonly (readonly number[])[]): Standardization {
  const width = xs[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const row of xs) for (let k = 0; k < width; k++) mean[k]! += row[k]!;
  for (let k = 0; k < width; k++) mean[k]! /= xs.length;
  for (const row of xs) {
    for (let k = 0; k < width; k++) std[k]! += (row[k]! - mean[k]!) ** 2;
  }
  for (let k = 0; k < width; k++) {
    const deviation = Math.sqrt(std[k]! / xs.length);
    std[k] = deviation > 0 ? deviation : 1;
  }
  return { mean, std };
}

/** `(x − mean) / std`, column by column (new rows). */
export function standardizeRows(
  xs: readonly (readonly number[])[],
  { mean, std }: Standardization,
): number[][] {
  return xs.map((row) => row.map((x, k) => (x - mean[k]!) / std[k]!));
}
