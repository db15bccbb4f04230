import { summarize } from './summarize';
import type { ComparisonResult, ComparisonRun } from './types';

/**
 * Test helper, not exported by the package: a result built by hand (no training), one summary per
 * entry of `curves`, each a list of runs with seeds 0, 1, …; a `{ losses, divergedAt }` run diverged.
 */
export function handMadeResult(
  curves: Record<string, (number[] | { losses: number[]; divergedAt: number })[]>,
  epochs = 4,
): ComparisonResult {
  const activations = Object.keys(curves);
  const seeds = Math.max(...Object.values(curves).map((runs) => runs.length));
  return {
    config: {
      activations,
      layers: [10, 5, 1],
      epochs,
      learningRate: 0.001,
      seed: 0,
      seeds,
      dataset: 'original',
      threads: 1,
      threshold: 0.1,
    },
    setup: { inputs: 3, samples: 4, outputActivation: null },
    results: activations.map((activation) => {
      const runs: ComparisonRun[] = curves[activation]!.map((run, seed) =>
        Array.isArray(run)
          ? { seed, losses: run, diverged: null }
          : {
              seed,
              losses: run.losses,
              diverged: { epoch: run.divergedAt, loss: Number.POSITIVE_INFINITY },
            },
      );
      return summarize(activation, runs, 0.1, 1);
    }),
    totalTimeMs: 5,
  };
}
