import type { ScalingCell, ScalingResult } from './scaling';
import { median } from './statistics';

/** One row of the scaling table: a cell's median ns per parameter-sample-epoch and its costs. */
export interface ScalingRow extends ScalingCell {
  parameters: number;
  epochs: number;
  nsPerUnit: number;
  /** The median timed run's share of time in garbage-collection pauses, 0–1. */
  gcShare: number;
  setupMs: number;
  peakRssMb: number;
  error?: string;
}

/** A cell that could not run: its error instead of a result. */
export interface ScalingFailure extends ScalingCell {
  error: string;
}

/** The scaling table from every cell's outcome. */
export function scalingRows(outcomes: readonly (ScalingResult | ScalingFailure)[]): ScalingRow[] {
  return outcomes.map((outcome) =>
    'error' in outcome
      ? {
          ...outcome,
          parameters: Number.NaN,
          epochs: Number.NaN,
          nsPerUnit: Number.NaN,
          gcShare: Number.NaN,
          setupMs: Number.NaN,
          peakRssMb: Number.NaN,
        }
      : { ...outcome, nsPerUnit: median(outcome.nsPerUnit), gcShare: median(outcome.gcShare) },
  );
}

/**
 * The eager cliff measure: the slowest eager cell's ns per parameter-sample-epoch over the
 * fastest one's (issue 11: within 2×). NaN when fewer than two eager cells ran.
 */
export function eagerSpread(rows: readonly ScalingRow[]): number {
  const eager = rows
    .filter((row) => row.mode === 'eager' && Number.isFinite(row.nsPerUnit))
    .map((row) => row.nsPerUnit);
  return eager.length < 2 ? Number.NaN : Math.max(...eager) / Math.min(...eager);
}
