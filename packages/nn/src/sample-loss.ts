import { softplus } from '@mg/activations';
import type { UnaryFunction, Value } from '@mg/engine';
import { binaryCrossEntropyWithLogits, sumSquaredError } from './losses';

/**
 * Which loss `train` minimises: `'sse'` the sum over samples and outputs of squared errors (the
 * original's), `'mse'` that sum divided by samples × outputs, `'bce'` the binary cross-entropy on
 * logits (targets in [0, 1]), also divided by samples × outputs.
 */
export type LossName = 'sse' | 'mse' | 'bce';

/** The losses, default first. */
export const lossNames: readonly LossName[] = ['sse', 'mse', 'bce'];

/** One sample's loss as a graph node, before the dataset's sum or mean. */
export function sampleLoss(
  loss: LossName,
  outputs: readonly Value[],
  targets: readonly Value[] | readonly number[],
): Value {
  return loss === 'bce'
    ? binaryCrossEntropyWithLogits(outputs, targets)
    : sumSquaredError(outputs, targets);
}

/** Whether the dataset's loss is the mean over samples × outputs (`'mse'`, `'bce'`) or the sum (`'sse'`). */
export function isMeanLoss(loss: LossName): boolean {
  return loss !== 'sse';
}

/** The unary functions a sample's loss graph applies itself (besides the network's activations). */
export function lossFunctions(loss: LossName): readonly UnaryFunction[] {
  return loss === 'bce' ? [softplus] : [];
}
