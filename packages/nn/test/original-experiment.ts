import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One network of the original program's comparison. */
export interface FixtureNetwork {
  initialParameters: number[];
  losses: number[] | null;
}

/** /work/shared/fixtures/original-experiment.json: the original Python program's comparison. */
export interface OriginalExperiment {
  inputs: number;
  layers: number[];
  learningRate: number;
  epochs: number;
  xs: number[][];
  ys: number[];
  networks: Record<string, FixtureNetwork>;
}

/**
 * The fixture lives beside the repository, in `<repo>/../shared/fixtures/` (both at /work and in
 * CI), so it is found relative to this file rather than the working directory.
 */
const fixtureUrl = new URL('../../../../shared/fixtures/original-experiment.json', import.meta.url);

/** Reads the fixture, failing with the path it looked at if it is missing. */
export function loadOriginalExperiment(): OriginalExperiment {
  const path = fileURLToPath(fixtureUrl);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `The original program's fixture is missing: expected it at ${path} ` +
        `(<repo>/../shared/fixtures/original-experiment.json). ${String(error)}`,
    );
  }
  return JSON.parse(text) as OriginalExperiment;
}
