import type { ActivationRegistry } from '@mg/activations';
import type { ComparisonDataset } from './datasets/dataset-definition';

/** What `onProgress` receives after each (activation, seed) run. */
export interface ComparisonProgress {
  /** Runs finished so far, 1 … total. */
  completed: number;
  /** activations × seeds. */
  total: number;
  /** The run that just finished. */
  activation: string;
  seed: number;
}

/** Every key is optional; the defaults reproduce the original experiment (see the README). */
export interface ComparisonConfig {
  /** Default: all of the registry's activations, in registration order. */
  activations?: string[];
  /** Neurons per layer, the last one being the output. Default [10, 5, 1]. */
  layers?: number[];
  /** Full-batch SGD steps. Default 1000. */
  epochs?: number;
  /** Default 0.001. */
  learningRate?: number;
  /** First seed, an integer from 0 to 2^32 − 1 (nn's seed range). Default 0. */
  seed?: number;
  /** Runs per activation, with seeds seed, seed + 1, …. Default 1. */
  seeds?: number;
  /** A name from `datasetNames` or samples of your own. Default 'original'. */
  dataset?: string | ComparisonDataset;
  /**
   * Worker threads; 1 trains in the calling thread. At most `os.availableParallelism()`: more is
   * clamped to it, with a process warning. Default: chosen by a cost model, see `planThreads`.
   */
  threads?: number;
  /** Loss below which an activation counts as converged. Default 0.025 per sample (0.1 for 'original'). */
  threshold?: number;
  /** Where activation names are looked up. Default `defaultRegistry()`. */
  registry?: ActivationRegistry;
  /** Called in the calling thread after each (activation, seed) run. */
  onProgress?: (progress: ComparisonProgress) => void;
}

/** One training run: a seed and its loss per epoch. */
export interface ComparisonRun {
  seed: number;
  /**
   * `losses[i]` is the loss computed in epoch i, before that epoch's update. Only finite values:
   * a diverged run's list stops before the epoch whose loss was not finite (`diverged.epoch`).
   */
  losses: number[];
  /** The first epoch whose loss was not finite, and that loss. */
  diverged: null | { epoch: number; loss: number };
  /**
   * The trained network's parameters after the last update, in `MLP.parameters()` order (load them
   * with `MLP.setParameters`, or use `trainedNetwork`); `null` when a run diverged (they are not
   * finite). `runComparison` always sets it; absent in results made by hand.
   */
  parameters?: number[] | null;
}

/** One activation's curves and the figures read from them. */
export interface ActivationSummary {
  activation: string;
  /** Per epoch over the seeds still finite at that epoch (equal to the single run when seeds = 1). */
  mean: number[];
  min: number[];
  max: number[];
  runs: ComparisonRun[];
  /** The mean loss at the last epoch; Infinity when any run diverged. */
  finalLoss: number;
  /** The lowest mean loss, and its epoch (the first one if tied). */
  bestLoss: number;
  bestEpoch: number;
  /** The first epoch whose mean loss is below the threshold: that many updates got it there. */
  epochsToThreshold: number | null;
  /** Whether any run diverged, and the earliest epoch one did. */
  diverged: boolean;
  divergedEpoch: number | null;
  /** Wall time of this activation's runs, summed, in milliseconds. */
  timeMs: number;
}

/** The configuration after defaults, as used. */
export type ResolvedComparisonConfig = Required<
  Omit<ComparisonConfig, 'onProgress' | 'registry' | 'dataset'>
> & { dataset: string };

/** What `runComparison` returns. */
export interface ComparisonResult {
  config: ResolvedComparisonConfig;
  /**
   * The network and data actually used (beyond the contract): inputs and sample count come from
   * the dataset; `outputActivation` null means the compared activation is on the output too.
   */
  setup: {
    inputs: number;
    samples: number;
    outputActivation: string | null;
    /** The training samples (`runComparison` always sets it; absent in results made by hand). */
    data?: { xs: number[][]; ys: number[] | number[][] };
  };
  /** In the order of `config.activations`. */
  results: ActivationSummary[];
  /** Wall time of the whole comparison, in milliseconds. */
  totalTimeMs: number;
}
