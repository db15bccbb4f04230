import { softplus } from '@mg/activations';
import { InvalidArgumentError, sum, Value, type ValueLike } from '@mg/engine';

/**
 * Σ (prediction − target)² over one sample's outputs, as one `sum` node over the squared errors
 * (adding left to right from 0, as Python's `sum`). The original program's loss, summed over samples.
 */
export function sumSquaredError(
  predictions: readonly Value[],
  targets: readonly ValueLike[],
): Value {
  return sum(squaredErrors(predictions, targets, 'sumSquaredError'));
}

/** Σ (prediction − target)² / number of outputs, for one sample. */
export function meanSquaredError(
  predictions: readonly Value[],
  targets: readonly ValueLike[],
): Value {
  return sum(squaredErrors(predictions, targets, 'meanSquaredError')).div(predictions.length);
}

/**
 * Σ over one sample's outputs of the binary cross-entropy of a logit z (the output before any
 * squashing: use an `'identity'` output layer) against a target y in [0, 1]:
 * −[y·ln σ(z) + (1 − y)·ln(1 − σ(z))]. Computed as y·softplus(−z) + (1 − y)·softplus(z), the same
 * function: both terms are stable softplus values (no overflow, no ln 0) and neither is
 * negative, so nothing cancels (z = 40, y = 1 costs e^−40, not 0; the form softplus(z) − y·z
 * would cancel to 0). Its gradient with respect to z is σ(z) − y.
 */
export function binaryCrossEntropyWithLogits(
  logits: readonly Value[],
  targets: readonly ValueLike[],
): Value {
  checkPredictionsAndTargets(logits, targets, 'binaryCrossEntropyWithLogits');
  const terms: Value[] = [];
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i]!;
    const y = targets[i]!;
    // 1 − y as one rounding either way, so a number target and a Value target give the same bits.
    const rest = y instanceof Value ? y.neg().add(1) : 1 - y;
    terms.push(softplus.apply(z.neg()).mul(y).add(softplus.apply(z).mul(rest)));
  }
  return sum(terms);
}

function squaredErrors(
  predictions: readonly Value[],
  targets: readonly ValueLike[],
  method: string,
): Value[] {
  checkPredictionsAndTargets(predictions, targets, method);
  const squares: Value[] = [];
  for (let i = 0; i < predictions.length; i++) {
    const d = predictions[i]!.sub(targets[i]!);
    // d·d rather than d ** 2: one correctly rounded product, the number the original's `** 2`
    // gives, without depending on how accurate a platform's pow is.
    squares.push(d.mul(d));
  }
  return squares;
}

/** Checks that predictions are Values and targets one Value or finite number each. */
function checkPredictionsAndTargets(
  predictions: readonly Value[],
  targets: readonly ValueLike[],
  method: string,
): void {
  if (!Array.isArray(predictions) || predictions.length === 0) {
    throw new InvalidArgumentError({
      argument: 'predictions',
      method,
      expected: 'a non-empty array of Values',
      received: predictions,
    });
  }
  if (!Array.isArray(targets) || targets.length !== predictions.length) {
    throw new InvalidArgumentError({
      argument: 'targets',
      method,
      expected: `an array of ${predictions.length} numbers (one per prediction)`,
      received: targets,
    });
  }
  // A loop rather than `map`: eager training checks every sample's outputs, every epoch.
  for (let i = 0; i < predictions.length; i++) {
    const p: unknown = predictions[i];
    if (!(p instanceof Value)) {
      throw new InvalidArgumentError({
        argument: `predictions[${i}]`,
        method,
        expected: 'a Value',
        received: p,
      });
    }
    const target: unknown = targets[i];
    // Checked here so that a NaN target is reported as `targets[i]`, not as `Value.sub`'s `other`.
    if (!(target instanceof Value) && !(typeof target === 'number' && Number.isFinite(target))) {
      throw new InvalidArgumentError({
        argument: `targets[${i}]`,
        method,
        expected: 'a Value or a finite number',
        received: target,
      });
    }
  }
}
