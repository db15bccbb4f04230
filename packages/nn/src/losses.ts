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

function squaredErrors(
  predictions: readonly Value[],
  targets: readonly ValueLike[],
  method: string,
): Value[] {
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
  return predictions.map((p, i) => {
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
    const d = p.sub(target);
    // d·d rather than d ** 2: one correctly rounded product, the number the original's `** 2`
    // gives, without depending on how accurate a platform's pow is.
    return d.mul(d);
  });
}
