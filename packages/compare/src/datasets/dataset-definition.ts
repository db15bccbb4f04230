import type { Dataset } from '@mg/nn';
import type { TaskName } from '../task';

/** A dataset `runComparison` can train on; `name` and `outputActivation` are optional hints. */
export interface ComparisonDataset extends Dataset {
  /** Shown in `ComparisonResult.config.dataset`; 'custom' when absent. */
  name?: string;
  /**
   * The output layer's activation, when it must differ from the compared one (e.g. 'identity' for
   * a regression whose targets leave a squashing activation's range). Absent: the compared
   * activation is applied on every layer, output included, as in the original.
   */
  outputActivation?: string;
}

/** A generated dataset: one output per sample, so `ys` holds numbers. */
export interface NamedDataset extends ComparisonDataset {
  name: string;
  /** The task the dataset is for, when it says (the original: regression on ±1, as the original program). */
  task?: TaskName;
  /** One line: what the samples are and how they were made. */
  description: string;
  xs: number[][];
  ys: number[];
}

/** How many samples a generated dataset has and how much Gaussian noise is added to them. */
export interface DatasetOptions {
  /** Number of samples, an integer from 1 to `maxSamples`. */
  samples?: number;
  /** Standard deviation of the Gaussian noise added to each input coordinate, finite and ≥ 0. */
  noise?: number;
}

/** One built-in dataset: its name, a description and a generator that is deterministic in `seed`. */
export interface DatasetDefinition {
  name: string;
  description: string;
  outputActivation?: string;
  /** Its task, when `'auto'` must not guess from the targets (the original's). */
  task?: TaskName;
  /** The sample count and noise it is made with when options leave them out; absent: a fixed dataset that ignores options. */
  defaults?: Required<DatasetOptions>;
  generate(seed: number, options: Required<DatasetOptions>): { xs: number[][]; ys: number[] };
}
