import type { AccuracySummary, ActivationSummary, ComparisonRun, ValidationSummary } from './types';

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
  const { bestLoss, bestEpoch } = lowest(mean);
  const belowThreshold = mean.findIndex((loss) => loss < threshold);
  const summary: ActivationSummary = {
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
  const validation = validationSummary(runs, diverged);
  if (validation) summary.validation = validation;
  const accuracy = accuracySummary(runs);
  if (accuracy) summary.accuracy = accuracy;
  return summary;
}

/** The held-out loss band and its figures, when every run has held-out losses. */
function validationSummary(
  runs: readonly ComparisonRun[],
  diverged: boolean,
): ValidationSummary | undefined {
  if (runs.length === 0 || !runs.every((run) => run.validationLosses !== undefined)) return;
  const { mean, min, max } = band(runs.map((run) => ({ losses: run.validationLosses! })));
  const { bestLoss, bestEpoch } = lowest(mean);
  const last = mean.at(-1);
  const finalLoss =
    diverged || last === undefined || !Number.isFinite(last) ? Number.POSITIVE_INFINITY : last;
  return { mean, min, max, finalLoss, bestLoss, bestEpoch };
}

/** The lowest loss of a curve and the first epoch that reached it (NaN never counts). */
function lowest(curve: readonly number[]): { bestLoss: number; bestEpoch: number } {
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  curve.forEach((loss, epoch) => {
    if (loss < bestLoss) {
      bestLoss = loss;
      bestEpoch = epoch;
    }
  });
  return { bestLoss, bestEpoch };
}

/** Mean accuracy per epoch over the seeds, when the runs measured it. */
function accuracySummary(runs: readonly ComparisonRun[]): AccuracySummary | undefined {
  if (runs.length === 0 || !runs.every((run) => run.trainAccuracy !== undefined)) return;
  const train = band(runs.map((run) => ({ losses: run.trainAccuracy! }))).mean;
  const held = runs.every((run) => run.validationAccuracy !== undefined);
  const validation = held
    ? band(runs.map((run) => ({ losses: run.validationAccuracy! }))).mean
    : null;
  return {
    train,
    validation,
    finalTrain: train.at(-1) ?? Number.NaN,
    finalValidation: validation === null ? null : (validation.at(-1) ?? Number.NaN),
  };
}

/**
 * What a comparison ranks activations by: the final validation loss when rows were held out
 * (what generalises), else the final training loss; a diverged or NaN one ranks last (Infinity).
 */
export function rankingLoss(summary: ActivationSummary): number {
  const loss = summary.validation ? summary.validation.finalLoss : summary.finalLoss;
  return summary.diverged || Number.isNaN(loss) ? Number.POSITIVE_INFINITY : loss;
}

/** The summaries best first by {@link rankingLoss}; ties keep their order. */
export function rankSummaries(summaries: readonly ActivationSummary[]): ActivationSummary[] {
  // NOTE: not `a − b`: two infinite keys would give NaN.
  return [...summaries].sort((a, b) => {
    const p = rankingLoss(a);
    const q = rankingLoss(b);
    return p === q ? 0 : p < q ? -1 : 1;
  });
}
