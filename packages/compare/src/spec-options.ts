import { InvalidArgumentError } from './dependencies';
import type { LossScale } from './loss-axis';

/** `value`, or `fallback` when absent; a positive integer, else an error naming `argument`. */
export function positiveWhole(
  argument: string,
  value: unknown,
  fallback: number,
  method: string,
): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || !Number.isSafeInteger(resolved) || resolved < 1) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: 'a positive integer',
      received: resolved,
    });
  }
  return resolved;
}

/** The `scale` option: `fallback` when absent, else 'linear' or 'log', else an error. */
export function lossScaleOption(value: unknown, fallback: LossScale, method: string): LossScale {
  const scale = value ?? fallback;
  if (scale !== 'linear' && scale !== 'log') {
    throw new InvalidArgumentError({
      argument: 'options.scale',
      method,
      expected: "'linear' or 'log'",
      received: scale,
    });
  }
  return scale;
}
