import type { CaseResult } from './results';
import type { CaseOutcome } from './summary';

/**
 * Combines the outcomes of several child processes of one case into one: their timed runs pooled
 * (so the median is over every run of every process), the highest peak RSS, the first process's
 * losses. One failed process makes the case a failure.
 */
export function mergeOutcomes(outcomes: readonly CaseOutcome[]): CaseOutcome {
  const failure = outcomes.find((outcome) => 'error' in outcome);
  if (failure !== undefined || outcomes.length === 1) return failure ?? outcomes[0]!;
  const results = outcomes as readonly CaseResult[];
  const first = results[0]!;
  return {
    ...first,
    timings: first.timings.map((timing, i) => ({
      label: timing.label,
      samplesMs: results.flatMap((result) => result.timings[i]!.samplesMs),
    })),
    peakRssMb: Math.max(...results.map((result) => result.peakRssMb)),
  };
}
