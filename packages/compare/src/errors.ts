import { MicrogradError } from '@mg/engine';

/** Base class of the errors `@mg/compare` throws itself (bad arguments use `InvalidArgumentError`). */
export class ComparisonError extends MicrogradError {
  override name = 'ComparisonError';
}

/**
 * A dataset name that is not one of `datasetNames`, e.g.
 * `Unknown dataset 'moon'. Known: original, xor, moons, circles, sine, spiral, gaussians`.
 */
export class UnknownDatasetError extends ComparisonError {
  override name = 'UnknownDatasetError';
  readonly dataset: string;
  readonly known: readonly string[];

  constructor(dataset: string, known: readonly string[]) {
    super(`Unknown dataset '${dataset}'. Known: ${known.join(', ')}`);
    this.dataset = dataset;
    this.known = known;
  }
}
