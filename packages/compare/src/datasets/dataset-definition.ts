import type { Dataset } from '@mg/nn';

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
  /** One line: what the samples are and how they were made. */
  description: string;
  xs: number[][];
  ys: number[];
}

/** One built-in dataset: its name, a description and a generator that is deterministic in `seed`. */
export interface DatasetDefinition {
  name: string;
  description: string;
  outputActivation?: string;
  generate(seed: number): { xs: number[][]; ys: number[] };
}
