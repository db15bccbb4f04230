import type { ActivationRegistry } from '@mg/activations';
import type { LossName, OptimizerName } from '@mg/nn';
import type { ComparisonDataset } from './datasets/dataset-definition';
import type { TaskName, TaskOption } from './task';

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
  /**
   * Default: all of the registry's activations, in registration order. Each entry is a name for
   * every hidden layer (`'tanh'`, `'leakyRelu(0.2)'`), or one name per hidden layer joined by
   * `/` (`'tanh/relu'`: first hidden layer tanh, second relu). Results use canonical names.
   */
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
  /**
   * Share of the rows held out for validation, from 0 to 0.9: chosen at random from `seed`,
   * stratified by class for classification. Default 0.2 for datasets of 50 rows or more, else 0
   * (the original's four samples train on all of them).
   */
  validation?: number;
  /**
   * `'auto'` (default): a built-in dataset's own task (the original's is regression on ±1, as in
   * the original program), otherwise classification exactly when the target has two distinct
   * values. Classification maps the smaller value to class 0 and the larger to class 1.
   */
  task?: TaskOption;
  /**
   * Default: `'bce'` for classification (binary cross-entropy on the output as a logit, with an
   * identity output layer); for regression `'sse'` without validation (the original's), `'mse'`
   * with it (so training and validation losses are on one scale).
   */
  loss?: LossName;
  /** `'sgd'` (default, the original's), `'momentum'` or `'adam'`: @mg/nn's optimizers. */
  optimizer?: OptimizerName;
  /**
   * Standardise the inputs to mean 0 and standard deviation 1 per column, with the statistics of
   * the training rows only (the held-out rows are scaled with them). Default false.
   */
  standardize?: boolean;
  /**
   * The output layer's activation. Default: `'identity'` for classification (the output is a
   * logit) and for a dataset that asks for it (`outputActivation`, e.g. sine and CSV data);
   * otherwise the compared activation, as in the original.
   */
  outputActivation?: string;
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
  /** With held-out rows: their loss at the same parameters as `losses[i]`, epoch by epoch. */
  validationLosses?: number[];
  /** Classification: the share of training rows classified right, epoch by epoch. */
  trainAccuracy?: number[];
  /** Classification with held-out rows: the share of them classified right, epoch by epoch. */
  validationAccuracy?: number[];
}

/** The held-out rows' loss curve over the seeds, and the figures read from it. */
export interface ValidationSummary {
  mean: number[];
  min: number[];
  max: number[];
  /** `mean` at the last epoch (Infinity when a run diverged). */
  finalLoss: number;
  /** The lowest mean validation loss, and its epoch (the first one if tied). */
  bestLoss: number;
  bestEpoch: number;
}

/** Classification: the mean share of rows classified right, per epoch and at the end. */
export interface AccuracySummary {
  train: number[];
  /** null without held-out rows. */
  validation: number[] | null;
  finalTrain: number;
  finalValidation: number | null;
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
  /** With held-out rows (`config.validation` > 0): their loss curve and figures. */
  validation?: ValidationSummary;
  /** For classification: accuracy per epoch and at the end. */
  accuracy?: AccuracySummary;
}

/** The configuration after defaults, as used. */
export type ResolvedComparisonConfig = Required<
  Omit<ComparisonConfig, 'onProgress' | 'registry' | 'dataset' | TrainingKey>
> & { dataset: string } & Partial<ResolvedTraining>;

/** The config keys of held-out rows, task, loss and inputs. */
type TrainingKey =
  | 'validation'
  | 'task'
  | 'loss'
  | 'optimizer'
  | 'standardize'
  | 'outputActivation';

/**
 * How the networks were trained, resolved. `runComparison` always sets every key; they are
 * optional in the type only so that results written before they existed still type-check.
 */
export interface ResolvedTraining {
  validation: number;
  task: TaskName;
  loss: LossName;
  optimizer: OptimizerName;
  standardize: boolean;
  /** null: the compared activation is on the output layer too. */
  outputActivation: string | null;
}

/**
 * The network and data actually used. The first three keys are always there; the others are
 * there when they say something (a task, held-out rows, standardised inputs, classes).
 */
export interface ComparisonSetup {
  inputs: number;
  /** Rows of the dataset, training and held-out together. */
  samples: number;
  /** null: the compared activation is on the output too. */
  outputActivation: string | null;
  /** The task trained for. */
  task?: TaskName;
  /** Rows trained on and rows held out (`samples` in all). */
  trainingRows?: number;
  validationRows?: number;
  /** Whether the inputs were standardised, with the training rows' statistics. */
  standardized?: boolean;
  /** Classification: the target values of class 0 and class 1, as in the data. */
  classes?: [number, number];
  /**
   * The training rows, as the networks saw their inputs (standardised when `standardized`), with
   * the targets as in the data (`runComparison` always sets it; absent in results made by hand).
   */
  data?: { xs: number[][]; ys: number[] | number[][] };
}

/** What `runComparison` returns. */
export interface ComparisonResult {
  config: ResolvedComparisonConfig;
  /**
   * The network and data actually used (beyond the contract): inputs and sample count come from
   * the dataset; `outputActivation` null means the compared activation is on the output too.
   */
  setup: ComparisonSetup;
  /** In the order of `config.activations`. */
  results: ActivationSummary[];
  /** Wall time of the whole comparison, in milliseconds. */
  totalTimeMs: number;
}
