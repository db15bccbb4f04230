import type { CsvDataset } from './csv-dataset';
import type { ComparisonDataset, NamedDataset } from './datasets/dataset-definition';
import { makeDataset } from './datasets/index';
import {
  type ActivationRegistry,
  checkOptionKeys,
  defaultRegistry,
  getActivationFor,
  InvalidArgumentError,
  type LossName,
  lossNames,
  maxEpochs,
  optimizerNames,
  optionKeys,
} from './dependencies';
import { parseLayerActivations } from './layer-activations';
import { parameterCount, planThreads, type ThreadPlan } from './plan-threads';
import { type Rows, splitDataset } from './split-dataset';
import { fitStandardization, type Standardization, standardizeRows } from './standardize';
import { distinctTargets, resolveTask, type TaskName, taskOptions } from './task';
import type {
  ComparisonConfig,
  ComparisonProgress,
  ComparisonSetup,
  ResolvedComparisonConfig,
} from './types';

const method = 'runComparison';
/** The largest seed nn's `MLP` accepts. */
const maxSeed = 2 ** 32 - 1;

const configKeys = optionKeys<ComparisonConfig>({
  activations: true,
  layers: true,
  epochs: true,
  learningRate: true,
  seed: true,
  seeds: true,
  dataset: true,
  threads: true,
  threshold: true,
  registry: true,
  validation: true,
  task: true,
  loss: true,
  optimizer: true,
  standardize: true,
  outputActivation: true,
  onProgress: true,
});

/**
 * The keys of a `config.dataset` object: a `ComparisonDataset`'s, plus the descriptive ones of what
 * `makeDataset` and `datasetFromCsv` return, so their results can be passed as they are.
 */
const datasetKeys = optionKeys<ComparisonDataset & NamedDataset & CsvDataset>({
  xs: true,
  ys: true,
  name: true,
  outputActivation: true,
  task: true,
  description: true,
  inputColumns: true,
  targetColumn: true,
  ignoredColumns: true,
  classLabels: true,
});

/** The issue's default network: 3 inputs (from the data), hidden layers of 10 and 5, one output. */
export const defaultLayers: readonly number[] = Object.freeze([10, 5, 1]);
/** Mean squared error per sample that counts as "learned": 0.1 SSE on the original four samples. */
export const defaultThresholdPerSample = 0.025;

/** Most starts one comparison takes: enough for any band, few enough to answer in minutes. */
export const maxSeeds = 1000;
/** Most loss values all runs together may record (activations × seeds × epochs): 400 MB of numbers. */
export const maxRecordedLosses = 50_000_000;

/** Most of the rows that may be held out for validation. */
export const maxValidation = 0.9;
/** Datasets of this many rows or more hold out 0.2 of them by default. */
export const validationDefaultRows = 50;

/** A validated configuration with everything needed to plan the runs. */
export interface ResolvedComparison {
  config: ResolvedComparisonConfig & {
    validation: number;
    task: TaskName;
    loss: LossName;
    outputActivation: string | null;
  };
  registry: ActivationRegistry;
  /** The rows trained on (standardised and with class targets 0/1 for 'bce' when asked). */
  dataset: Rows;
  /** The held-out rows, prepared the same way; empty when `validation` is 0. */
  validation: Rows;
  /** One list of hidden-layer activation names per entry of `config.activations`. */
  layerActivations: string[][];
  inputs: number;
  outputActivation: string | null;
  /** What goes into `ComparisonResult.setup`. */
  setup: ComparisonSetup;
  /** The statistics the inputs were standardised with, or null. */
  standardization: Standardization | null;
  onProgress: ((progress: ComparisonProgress) => void) | null;
  /** How many threads, and why (`config.threads` is its count); see `planThreads`. */
  threadPlan: ThreadPlan;
}

/**
 * Applies the defaults and rejects bad values with errors naming `config.<key>`. `cores` is what
 * `os.availableParallelism()` returns; `runComparison` reads it (so `import '@mg/compare'` does not
 * load `node:os`).
 */
export function resolveConfig(config: ComparisonConfig = {}, cores = 1): ResolvedComparison {
  checkOptionKeys(config, configKeys, 'config', method);
  const registry = config.registry ?? defaultRegistry();
  if (typeof registry?.get !== 'function' || typeof registry?.names !== 'function') {
    fail('config.registry', 'an ActivationRegistry', registry);
  }
  const epochs = positiveInteger('config.epochs', config.epochs, 1000);
  // nn's limit, checked here so the error names config.epochs before any training starts.
  if (epochs > maxEpochs) {
    fail(
      'config.epochs',
      `at most ${maxEpochs.toLocaleString('en-US')} (maxEpochs: the loss history must fit in memory)`,
      epochs,
    );
  }
  const learningRate = config.learningRate ?? 0.001;
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
    fail('config.learningRate', 'a finite number > 0', learningRate);
  }
  // NOTE: nn's MLP takes seeds in [0, 2^32); checked here so the error names config.seed(s).
  const seed = config.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    fail('config.seed', 'an integer from 0 to 2^32 − 1', seed);
  }
  const seeds = positiveInteger('config.seeds', config.seeds, 1);
  if (seed + seeds - 1 > maxSeed) {
    fail(
      'config.seeds',
      `a count that keeps seed + seeds − 1 at most 2^32 − 1 (seed is ${seed})`,
      seeds,
    );
  }
  if (seeds > maxSeeds) fail('config.seeds', `at most ${maxSeeds} (maxSeeds)`, seeds);
  const chosen = resolveDataset(config.dataset, seed);
  const { name, rows, outputs, inputs } = chosen;
  const layers = resolveLayers(config.layers, outputs);
  const { labels: activations, layerActivations } = resolveActivations(
    config.activations,
    registry,
    layers.length - 1,
  );
  // Each run keeps its whole loss history, so the product is what must fit in memory.
  if (activations.length * seeds * epochs > maxRecordedLosses) {
    fail(
      'config.seeds',
      `a count that keeps activations × seeds × epochs at most ${maxRecordedLosses.toLocaleString('en-US')} ` +
        `(maxRecordedLosses; here ${activations.length} activations × ${epochs} epochs)`,
      seeds,
    );
  }
  const requested =
    config.threads === undefined ? null : positiveInteger('config.threads', config.threads, 1);
  const threadPlan = planThreads({
    tasks: activations.length * seeds,
    parameters: parameterCount(inputs, layers),
    // Held-out rows are only run forward, but each epoch visits every row.
    samples: rows.xs.length,
    epochs,
    cores,
    requested,
  });
  const training = resolveTraining(config, rows, outputs, chosen.task);
  const { task, loss, validation, classes } = training;
  const split = splitDataset(rows, validation, seed, task === 'classification');
  const standardize = config.standardize ?? false;
  if (typeof standardize !== 'boolean') fail('config.standardize', 'true or false', standardize);
  const standardization = standardize ? fitStandardization(split.train.xs) : null;
  const prepare = (part: Rows): Rows => ({
    xs: standardization ? standardizeRows(part.xs, standardization) : part.xs,
    // 'bce' trains on classes 0 and 1, whatever values the data uses for them.
    ys: loss === 'bce' && classes ? part.ys.map((y) => [y[0] === classes[0] ? 0 : 1]) : part.ys,
  });
  const threshold =
    config.threshold ?? defaultThresholdPerSample * (loss === 'sse' ? split.train.xs.length : 1);
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    fail('config.threshold', 'a finite number > 0', threshold);
  }
  const requestedOutput =
    config.outputActivation ??
    (task === 'classification' ? 'identity' : (chosen.outputActivation ?? null));
  if (requestedOutput !== null && typeof requestedOutput !== 'string') {
    fail('config.outputActivation', 'an activation name', requestedOutput);
  }
  // Named in the user's words: the config key, or the dataset that asked for it.
  const outputArgument =
    config.outputActivation !== undefined
      ? 'config.outputActivation'
      : task === 'classification'
        ? 'config.task'
        : 'config.dataset.outputActivation';
  const outputActivation =
    requestedOutput === null
      ? null
      : getActivationFor(registry, requestedOutput, outputArgument, method).name;
  const onProgress = config.onProgress ?? null;
  if (onProgress !== null && typeof onProgress !== 'function') {
    fail('config.onProgress', 'a function', onProgress);
  }
  const setup: ComparisonSetup = {
    inputs,
    samples: rows.xs.length,
    outputActivation,
    task,
    trainingRows: split.train.xs.length,
    validationRows: split.validation.xs.length,
    standardized: standardize,
  };
  if (classes) setup.classes = classes;
  const trainingRows = prepare(split.train);
  setup.data = {
    xs: trainingRows.xs.map((row) => [...row]),
    ys: outputs === 1 ? split.train.ys.map((y) => y[0]!) : split.train.ys.map((y) => [...y]),
  };
  return {
    config: {
      activations,
      layers,
      epochs,
      learningRate,
      seed,
      seeds,
      dataset: name,
      threads: threadPlan.threads,
      threshold,
      validation,
      task,
      loss,
      optimizer: training.optimizer,
      standardize,
      outputActivation,
    },
    registry,
    dataset: trainingRows,
    validation: prepare(split.validation),
    layerActivations,
    inputs,
    outputActivation,
    setup,
    standardization,
    onProgress,
    threadPlan,
  };
}

/** Task, loss, optimizer and validation share, with their defaults (see `ComparisonConfig`). */
function resolveTraining(
  config: ComparisonConfig,
  rows: Rows,
  outputs: number,
  declared: TaskName | undefined,
) {
  const option = config.task ?? 'auto';
  if (!taskOptions.includes(option)) {
    fail('config.task', `one of ${taskOptions.map((t) => `'${t}'`).join(', ')}`, option);
  }
  const targets = outputs === 1 ? rows.ys.map((y) => y[0]!) : [];
  const task = outputs === 1 ? resolveTask(option, targets, declared) : 'regression';
  if (option === 'classification' && outputs !== 1) {
    fail('config.task', "'regression' for a dataset with several targets per row", option);
  }
  const distinct = distinctTargets(targets);
  if (task === 'classification' && distinct.length !== 2) {
    fail(
      'config.task',
      `'regression' or 'auto': classification needs exactly 2 distinct target values, and this target has ${distinct.length}`,
      option,
    );
  }
  const classes: [number, number] | null =
    task === 'classification' ? [distinct[0]!, distinct[1]!] : null;
  const validation = config.validation ?? (rows.xs.length >= validationDefaultRows ? 0.2 : 0);
  if (
    typeof validation !== 'number' ||
    !Number.isFinite(validation) ||
    validation < 0 ||
    validation > maxValidation
  ) {
    fail('config.validation', `a number from 0 to ${maxValidation}`, validation);
  }
  const defaultLoss: LossName = task === 'classification' ? 'bce' : validation > 0 ? 'mse' : 'sse';
  const loss = config.loss ?? defaultLoss;
  if (!lossNames.includes(loss)) {
    fail('config.loss', `one of ${lossNames.map((l) => `'${l}'`).join(', ')}`, loss);
  }
  if (loss === 'bce' && task !== 'classification') {
    fail('config.loss', "'sse' or 'mse' for regression ('bce' needs two classes)", loss);
  }
  const optimizer = config.optimizer ?? 'sgd';
  if (!optimizerNames.includes(optimizer)) {
    fail('config.optimizer', `one of ${optimizerNames.map((o) => `'${o}'`).join(', ')}`, optimizer);
  }
  return { task, classes, validation, loss, optimizer };
}

function fail(argument: string, expected: string, received: unknown): never {
  throw new InvalidArgumentError({ argument, method, expected, received });
}

function positiveInteger(argument: string, value: unknown, fallback: number): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || !Number.isSafeInteger(resolved) || resolved < 1) {
    fail(argument, 'a positive integer', resolved);
  }
  return resolved;
}

function resolveActivations(
  value: unknown,
  registry: ActivationRegistry,
  hiddenLayers: number,
): { labels: string[]; layerActivations: string[][] } {
  const entries = value ?? registry.names();
  if (!Array.isArray(entries) || entries.length === 0) {
    fail('config.activations', 'a non-empty array of activation names', entries);
  }
  const labels: string[] = [];
  const layerActivations: string[][] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') fail('config.activations', 'an array of strings', entry);
    // Throws UnknownActivationError (closest name, known ones) or ActivationArgumentError.
    const parsed = parseLayerActivations(entry, registry, hiddenLayers, {
      argument: 'config.activations',
      method,
    });
    if (parsed === undefined) {
      fail(
        'config.activations',
        `one name, or ${hiddenLayers} joined by '/' (one per hidden layer of config.layers)`,
        entry,
      );
    }
    if (labels.includes(parsed.label)) {
      fail('config.activations', 'names without duplicates', entry);
    }
    labels.push(parsed.label);
    layerActivations.push(parsed.layers);
  }
  return { labels, layerActivations };
}

function resolveLayers(value: unknown, outputs: number): number[] {
  const layers = value ?? defaultLayers;
  if (!Array.isArray(layers) || layers.length === 0) {
    fail('config.layers', 'a non-empty array of positive integers', layers);
  }
  for (const size of layers) {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
      fail('config.layers', 'an array of positive integers', size);
    }
  }
  if (layers.at(-1) !== outputs) {
    fail(
      'config.layers',
      `a last layer of ${outputs} neuron(s), one per target of the dataset`,
      layers.at(-1),
    );
  }
  return [...layers];
}

interface DatasetChoice {
  name: string;
  /** Every target as an array (one number per output). */
  rows: Rows;
  inputs: number;
  outputs: number;
  outputActivation: string | null;
  /** The task a built-in dataset declares. */
  task: TaskName | undefined;
}

function resolveDataset(value: unknown, seed: number): DatasetChoice {
  if (value === undefined || typeof value === 'string') {
    const dataset = makeDataset(value ?? 'original', seed);
    return {
      name: dataset.name,
      rows: { xs: dataset.xs, ys: dataset.ys.map((y) => [y]) },
      inputs: dataset.xs[0]!.length,
      outputs: 1,
      outputActivation: dataset.outputActivation ?? null,
      task: dataset.task,
    };
  }
  if (typeof value !== 'object' || value === null) {
    fail('config.dataset', 'a dataset name or { xs, ys }', value);
  }
  checkOptionKeys(value, datasetKeys, 'config.dataset', method);
  const { xs, ys, name, outputActivation } = value as ComparisonDataset;
  const inputs = checkRows('config.dataset.xs', xs);
  if (!Array.isArray(ys) || ys.length !== xs.length) {
    fail('config.dataset.ys', `an array of ${xs.length} targets, one per row of xs`, ys);
  }
  let outputs = 1;
  if (ys.every((y) => typeof y === 'number')) {
    for (const y of ys) if (!Number.isFinite(y)) fail('config.dataset.ys', 'finite numbers', y);
  } else {
    outputs = checkRows('config.dataset.ys', ys as unknown[]);
  }
  if (name !== undefined && typeof name !== 'string') fail('config.dataset.name', 'a string', name);
  if (outputActivation !== undefined && typeof outputActivation !== 'string') {
    fail('config.dataset.outputActivation', 'an activation name', outputActivation);
  }
  return {
    name: name ?? 'custom',
    rows: {
      xs: xs as number[][],
      ys: (ys as (number | number[])[]).map((y) => (typeof y === 'number' ? [y] : y)),
    },
    inputs,
    outputs,
    outputActivation: outputActivation ?? null,
    task: undefined,
  };
}

/** Checks a non-empty array of equally long, non-empty rows of finite numbers; returns the width. */
function checkRows(argument: string, rows: unknown): number {
  if (!Array.isArray(rows) || rows.length === 0) fail(argument, 'a non-empty array of rows', rows);
  const first: unknown = rows[0];
  if (!Array.isArray(first) || first.length === 0)
    fail(argument, 'rows of at least one number', first);
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== first.length) {
      fail(argument, `rows of ${first.length} numbers`, row);
    }
    for (const x of row) {
      if (typeof x !== 'number' || !Number.isFinite(x)) fail(argument, 'finite numbers', x);
    }
  }
  return first.length;
}
