import { availableParallelism } from 'node:os';
import { type ActivationRegistry, defaultRegistry } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';
import type { Dataset } from '@mg/nn';
import type { ComparisonDataset } from './datasets/dataset-definition';
import { makeDataset } from './datasets/index';
import { parameterCount, planThreads, type ThreadPlan } from './plan-threads';
import type { ComparisonConfig, ComparisonProgress, ResolvedComparisonConfig } from './types';

const method = 'runComparison';
/** The largest seed nn's `MLP` accepts. */
const maxSeed = 2 ** 32 - 1;

/** The default network: 3 inputs (from the data), hidden layers of 10 and 5, one output. */
export const defaultLayers: readonly number[] = Object.freeze([10, 5, 1]);
/** Mean squared error per sample that counts as "learned": 0.1 SSE on the original four samples. */
export const defaultThresholdPerSample = 0.025;

/** A validated configuration with everything needed to plan the runs. */
export interface ResolvedComparison {
  config: ResolvedComparisonConfig;
  registry: ActivationRegistry;
  dataset: Dataset;
  inputs: number;
  outputActivation: string | null;
  onProgress: ((progress: ComparisonProgress) => void) | null;
  /** How many threads, and why (`config.threads` is its count); see `planThreads`. */
  threadPlan: ThreadPlan;
}

/** Applies the defaults and rejects bad values with errors naming `config.<key>`. */
export function resolveConfig(config: ComparisonConfig = {}): ResolvedComparison {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    fail('config', 'an object or undefined', config);
  }
  const registry = config.registry ?? defaultRegistry();
  if (typeof registry?.get !== 'function' || typeof registry?.names !== 'function') {
    fail('config.registry', 'an ActivationRegistry', registry);
  }
  const activations = resolveActivations(config.activations, registry);
  const epochs = positiveInteger('config.epochs', config.epochs, 1000);
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
  const { name, dataset, outputs, inputs, outputActivation } = resolveDataset(config.dataset, seed);
  const layers = resolveLayers(config.layers, outputs);
  const requested =
    config.threads === undefined ? null : positiveInteger('config.threads', config.threads, 1);
  const threadPlan = planThreads({
    tasks: activations.length * seeds,
    parameters: parameterCount(inputs, layers),
    samples: dataset.xs.length,
    epochs,
    cores: availableParallelism(),
    requested,
  });
  const threshold = config.threshold ?? defaultThresholdPerSample * dataset.xs.length;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    fail('config.threshold', 'a finite number > 0', threshold);
  }
  if (outputActivation !== null) registry.get(outputActivation);
  const onProgress = config.onProgress ?? null;
  if (onProgress !== null && typeof onProgress !== 'function') {
    fail('config.onProgress', 'a function', onProgress);
  }
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
    },
    registry,
    dataset,
    inputs,
    outputActivation,
    onProgress,
    threadPlan,
  };
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

function resolveActivations(value: unknown, registry: ActivationRegistry): string[] {
  if (value === undefined) return registry.names();
  if (!Array.isArray(value) || value.length === 0) {
    fail('config.activations', 'a non-empty array of activation names', value);
  }
  const names: string[] = [];
  for (const name of value) {
    if (typeof name !== 'string') fail('config.activations', 'an array of strings', name);
    if (names.includes(name)) fail('config.activations', 'names without duplicates', name);
    // Throws UnknownActivationError, which suggests the closest name and lists the known ones.
    registry.get(name);
    names.push(name);
  }
  return names;
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
  dataset: Dataset;
  inputs: number;
  outputs: number;
  outputActivation: string | null;
}

function resolveDataset(value: unknown, seed: number): DatasetChoice {
  if (value === undefined || typeof value === 'string') {
    const dataset = makeDataset(value ?? 'original', seed);
    return {
      name: dataset.name,
      dataset: { xs: dataset.xs, ys: dataset.ys },
      inputs: dataset.xs[0]!.length,
      outputs: 1,
      outputActivation: dataset.outputActivation ?? null,
    };
  }
  if (typeof value !== 'object' || value === null) {
    fail('config.dataset', 'a dataset name or { xs, ys }', value);
  }
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
    dataset: { xs, ys } as Dataset,
    inputs,
    outputs,
    outputActivation: outputActivation ?? null,
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
