import { formatLoss, formatPowerOfTen, type LossAxis } from './loss-axis';
import type { ActivationSummary } from './types';

/**
 * How a curve ends against its axis: `inside` it (at its last epoch), `below` the floor (a log
 * axis' bottom), `above` the top without diverging, or `diverged` (a loss stopped being finite).
 */
export type CurveEndKind = 'inside' | 'below' | 'above' | 'diverged';

/** Where and how one curve ends, and the words that say so. */
export interface CurveEnd {
  activation: string;
  kind: CurveEndKind;
  /** `inside`: the last epoch; `below`/`above`: the first epoch past the axis; `diverged`: that epoch. */
  epoch: number;
  /** The last finite mean loss (NaN for an empty curve). */
  loss: number;
  /** What happened, without the name: `4.26×10⁻⁸`, `diverged at epoch 5`, `reached < 10⁻¹⁰ at epoch 412`. */
  status: string;
}

/**
 * Reads how each curve ends. A curve that falls below the floor and one that diverges are told
 * apart: both leave the plot, but one got too good to draw and the other broke.
 */
export function curveEnd(summary: ActivationSummary, axis: LossAxis): CurveEnd {
  const { activation, mean } = summary;
  const [bottom, top] = axis.domain;
  const last = mean.length - 1;
  const final = mean[last] ?? Number.NaN;
  if (summary.diverged) {
    const epoch = summary.divergedEpoch ?? mean.length;
    return {
      activation,
      kind: 'diverged',
      epoch,
      loss: final,
      status: `diverged at epoch ${epoch}`,
    };
  }
  if (axis.scale === 'log' && final < bottom) {
    const epoch = firstRunBelow(mean, bottom);
    return {
      activation,
      kind: 'below',
      epoch,
      loss: final,
      status: `reached < ${formatPowerOfTen(bottom)} at epoch ${epoch}`,
    };
  }
  if (final > top) {
    const epoch = firstRunAbove(mean, top);
    return {
      activation,
      kind: 'above',
      epoch,
      loss: final,
      status: `above the axis from epoch ${epoch}, ends at ${formatLoss(final)}`,
    };
  }
  return {
    activation,
    kind: 'inside',
    epoch: Math.max(0, last),
    loss: final,
    status: formatLoss(final),
  };
}

/** The first epoch from which the curve stays below `bottom` to the end. */
function firstRunBelow(mean: readonly number[], bottom: number): number {
  let epoch = mean.length - 1;
  while (epoch > 0 && mean[epoch - 1]! < bottom) epoch--;
  return epoch;
}

/** The first epoch from which the curve stays above `top` to the end. */
function firstRunAbove(mean: readonly number[], top: number): number {
  let epoch = mean.length - 1;
  while (epoch > 0 && mean[epoch - 1]! > top) epoch--;
  return epoch;
}
