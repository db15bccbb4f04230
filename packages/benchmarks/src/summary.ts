import type { CaseFailure, CaseResult, ImplementationId, WorkloadId } from './results';
import { maxRelativeDifference, median, minimum } from './statistics';

/** A case's outcome as the parent process received it. */
export type CaseOutcome = CaseResult | CaseFailure;

/** One row of the MLP table (workloads A and B). */
export interface MlpRow {
  workload: WorkloadId;
  implementation: ImplementationId;
  medianMs: number;
  minMs: number;
  /** median / the hand-written reference's median (same workload); NaN without a reference. */
  ratio: number;
  /** median / the blocked hand-written reference's median (same workload); NaN without it. */
  blockedRatio: number;
  peakRssMb: number;
  /** Largest relative difference of any epoch's loss from the hand-written reference's. */
  lossDifference: number;
  /** Timed runs the median is taken over (0 for a failed case). */
  runs: number;
  error?: string;
}

/** One row of the chain table (workload C): one phase of one implementation. */
export interface ChainRow {
  implementation: ImplementationId;
  phase: string;
  medianMs: number;
  minMs: number;
  nsPerNode: number;
  peakRssMb: number;
  /** Timed runs the median is taken over (0 for a failed case). */
  runs: number;
  error?: string;
}

function isFailure(outcome: CaseOutcome): outcome is CaseFailure {
  return 'error' in outcome;
}

/** Medians, minima, ratios to the hand-written reference and loss agreement for A and B. */
export function mlpRows(outcomes: readonly CaseOutcome[]): MlpRow[] {
  const rows: MlpRow[] = [];
  for (const outcome of outcomes) {
    if (outcome.workload === 'C') continue;
    if (isFailure(outcome)) {
      rows.push({ ...outcome, ...missing, lossDifference: Number.NaN });
      continue;
    }
    const find = (implementation: ImplementationId) =>
      outcomes.find(
        (o): o is CaseResult =>
          !isFailure(o) && o.workload === outcome.workload && o.implementation === implementation,
      );
    const reference = find('hand-written');
    const blocked = find('blocked');
    const samples = outcome.timings[0]!.samplesMs;
    const medianMs = median(samples);
    rows.push({
      workload: outcome.workload,
      implementation: outcome.implementation,
      medianMs,
      minMs: minimum(samples),
      runs: samples.length,
      ratio: reference ? medianMs / median(reference.timings[0]!.samplesMs) : Number.NaN,
      blockedRatio: blocked ? medianMs / median(blocked.timings[0]!.samplesMs) : Number.NaN,
      peakRssMb: outcome.peakRssMb,
      lossDifference: reference
        ? maxRelativeDifference(outcome.losses ?? [], reference.losses ?? [])
        : Number.NaN,
    });
  }
  return rows;
}

/** Each phase of each chain case, with its time per node. */
export function chainRows(outcomes: readonly CaseOutcome[]): ChainRow[] {
  const rows: ChainRow[] = [];
  for (const outcome of outcomes) {
    if (outcome.workload !== 'C') continue;
    if (isFailure(outcome)) {
      rows.push({ ...outcome, phase: '—', ...missing, nsPerNode: Number.NaN });
      continue;
    }
    for (const timing of outcome.timings) {
      const medianMs = median(timing.samplesMs);
      rows.push({
        implementation: outcome.implementation,
        phase: timing.label,
        medianMs,
        minMs: minimum(timing.samplesMs),
        runs: timing.samplesMs.length,
        nsPerNode: (medianMs * 1e6) / (outcome.nodes ?? Number.NaN),
        peakRssMb: outcome.peakRssMb,
      });
    }
  }
  return rows;
}

const missing = {
  medianMs: Number.NaN,
  minMs: Number.NaN,
  ratio: Number.NaN,
  blockedRatio: Number.NaN,
  peakRssMb: Number.NaN,
  runs: 0,
};
