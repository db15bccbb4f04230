import { InvalidArgumentError } from '@mg/engine';
import { UnknownDatasetError } from '../errors';
import { circles } from './circles';
import type { DatasetDefinition, NamedDataset } from './dataset-definition';
import { moons } from './moons';
import { original } from './original';
import { sine } from './sine';
import { xor } from './xor';

const definitions: readonly DatasetDefinition[] = [original, xor, moons, circles, sine];

/** The built-in datasets' names, 'original' (the default) first. */
export const datasetNames: readonly string[] = Object.freeze(definitions.map((d) => d.name));

/**
 * Generates a built-in dataset; the same name and seed give the same samples (no downloads).
 * Unknown names throw `UnknownDatasetError`, which lists `datasetNames`.
 */
export function makeDataset(name: string, seed: number): NamedDataset {
  if (!Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError({
      argument: 'seed',
      method: 'makeDataset',
      expected: 'a safe integer',
      received: seed,
    });
  }
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new UnknownDatasetError(String(name), datasetNames);
  const { xs, ys } = definition.generate(seed);
  const dataset: NamedDataset = { name, description: definition.description, xs, ys };
  if (definition.outputActivation) dataset.outputActivation = definition.outputActivation;
  return dataset;
}
