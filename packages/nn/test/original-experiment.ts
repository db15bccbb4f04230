import { readFileSync } from 'node:fs';

/** One network of the original program's comparison. */
export interface FixtureNetwork {
  initialParameters: number[];
  losses: number[] | null;
}

/** `fixtures/original-experiment.json`: the original Python program's comparison (see its README). */
export interface OriginalExperiment {
  inputs: number;
  layers: number[];
  learningRate: number;
  epochs: number;
  xs: number[][];
  ys: number[];
  networks: Record<string, FixtureNetwork>;
}

/** Found relative to this file, so the tests run from any working directory. */
const fixtureUrl = new URL('./fixtures/original-experiment.json', import.meta.url);

/** Reads the fixture kept in this package's `test/fixtures/`. */
export function loadOriginalExperiment(): OriginalExperiment {
  return JSON.parse(readFileSync(fixtureUrl, 'utf8')) as OriginalExperiment;
}
