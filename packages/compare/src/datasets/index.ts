import { checkOptionKeys, InvalidArgumentError, optionKeys } from '../dependencies';
import { UnknownDatasetError } from '../errors';
import { circles } from './circles';
import type { DatasetDefinition, DatasetOptions, NamedDataset } from './dataset-definition';
import { gaussians } from './gaussians';
import { moons } from './moons';
import { original } from './original';
import { sine } from './sine';
import { spiral } from './spiral';
import { xor } from './xor';

const definitions: readonly DatasetDefinition[] = [
  original,
  xor,
  moons,
  circles,
  sine,
  spiral,
  gaussians,
];

/** The built-in datasets' names, 'original' (the default) first. */
export const datasetNames: readonly string[] = Object.freeze(definitions.map((d) => d.name));

const datasetOptionKeys = optionKeys<DatasetOptions>({ samples: true, noise: true });

/** The largest seed: the generators take 32-bit seeds, so 2^32 would give seed 0's data again. */
const maxSeed = 2 ** 32 - 1;

/** The most samples `makeDataset` generates. */
export const maxSamples = 100_000;

/**
 * The sample count and noise a dataset is made with when `makeDataset`'s options leave them out;
 * `null` for a fixed dataset ('original'), which ignores options.
 */
export function datasetDefaults(name: string): Required<DatasetOptions> | null {
  const definition = find(name);
  return definition.defaults ? { ...definition.defaults } : null;
}

/**
 * Generates a built-in dataset; the same name, seed and options give the same samples (no
 * downloads). `options.samples` and `options.noise` override the dataset's defaults (see
 * `datasetDefaults`). Unknown names throw `UnknownDatasetError`, which lists `datasetNames`.
 */
export function makeDataset(
  name: string,
  seed: number,
  options: DatasetOptions = {},
): NamedDataset {
  const method = 'makeDataset';
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new InvalidArgumentError({
      argument: 'seed',
      method,
      expected: 'an integer from 0 to 2^32 − 1',
      received: seed,
    });
  }
  checkOptionKeys(options, datasetOptionKeys, 'options', method);
  const { samples, noise } = options;
  if (
    samples !== undefined &&
    (!Number.isSafeInteger(samples) || samples < 1 || samples > maxSamples)
  ) {
    throw new InvalidArgumentError({
      argument: 'options.samples',
      method,
      expected: `an integer from 1 to ${maxSamples}`,
      received: samples,
    });
  }
  if (noise !== undefined && (typeof noise !== 'number' || !Number.isFinite(noise) || noise < 0)) {
    throw new InvalidArgumentError({
      argument: 'options.noise',
      method,
      expected: 'a finite number ≥ 0',
      received: noise,
    });
  }
  const definition = find(name);
  const defaults = definition.defaults ?? { samples: 0, noise: 0 };
  const made = { samples: samples ?? defaults.samples, noise: noise ?? defaults.noise };
  const { xs, ys } = definition.generate(seed, made);
  // The description states the defaults; say so when the options changed them.
  const changed =
    definition.defaults !== undefined &&
    (made.samples !== defaults.samples || made.noise !== defaults.noise);
  const description = changed
    ? `${definition.description} (made with ${made.samples} samples, noise ${made.noise})`
    : definition.description;
  const dataset: NamedDataset = { name, description, xs, ys };
  if (definition.outputActivation) dataset.outputActivation = definition.outputActivation;
  if (definition.task) dataset.task = definition.task;
  return dataset;
}

function find(name: string): DatasetDefinition {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new UnknownDatasetError(String(name), datasetNames);
  return definition;
}
