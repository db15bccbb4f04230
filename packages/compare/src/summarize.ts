import type { ActivationSummary, ComparisonRun } from './types';

/** Per-epoch mean, min and max over the runs that are still finite at that epoch. */
export interface Band {
  mean: number[];
  min: number[];
  max: number[];
}

/**
 * The band over runs of different lengths (a diverged run stops early). Each epoch averages the
 * runs that reached it, so no NaN or Infinity ever enters; the arrays are as long as the longest run.
 */
export function band(runs: readonly Pick<ComparisonRun, 'losses'>[]): Band {
  const length = Math.max(0, ...runs.map((run) => run.losses.length));
  const mean: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  for (let epoch = 0; epoch < length; epoch++) {
    let total = 0;
    let count = 0;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const { losses } of runs) {
      if (epoch >= losses.length) continue;
      const loss = losses[epoch]!;
      total += loss;
      count++;
      low = Math.min(low, loss);
      high = Math.max(high, loss);
    }
    // NOTE: with one run, total / 1 is the loss itself, so the mean equals the run bit for bit.
    mean.push(total / count);
    min.push(low);
    max.push(high);
  }
  return { mean, min, max };
}

/**
 * Reads the summary figures off the mean curve: final loss (Infinity if any run diverged, so it
 * sorts last), best loss and its first epoch, the first epoch below `threshold`, and divergence.
 */
export function summarize(
  activation: string,
  runs: ComparisonRun[],
  threshold: number,
  timeMs: number,
): ActivationSummary {
  const { mean, min, max } = band(runs);
  const divergedEpochs = runs.flatMap((run) => (run.diverged ? [run.diverged.epoch] : []));
  const diverged = divergedEpochs.length > 0;
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  mean.forEach((loss, epoch) => {
    if (loss < bestLoss) {
      bestLoss = loss;
      bestEpoch = epoch;
    }
  });
  const belowThreshold = mean.findIndex((loss) => loss < threshold);
  return {
    activation,
    mean,
    min,
    max,
    runs,
    finalLoss: diverged || mean.length === 0 ? Number.POSITIVE_INFINITY : mean.at(-1)!,
    bestLoss,
    bestEpoch,
    epochsToThreshold: belowThreshold === -1 ? null : belowThreshold,
    diverged,
    divergedEpoch: diverged ? Math.min(...divergedEpochs) : null,
    timeMs,
  };
}
