import { InvalidArgumentError } from '@mg/engine';

/** Throws unless `value` is an integer ≥ 1. */
export function assertPositiveInteger(value: unknown, argument: string, method: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: 'a positive integer',
      received: value,
    });
  }
  return value;
}

/**
 * Throws unless `value` is an array of exactly `length` finite numbers. Names the offending
 * element (`x[2]`) when one is not finite, since NaN would otherwise poison every result silently.
 */
export function assertFiniteVector(
  value: unknown,
  length: number,
  argument: string,
  method: string,
  what = `an array of ${length} finite numbers`,
): readonly number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new InvalidArgumentError({ argument, method, expected: what, received: value });
  }
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'number' || !Number.isFinite(item)) {
      throw new InvalidArgumentError({
        argument: `${argument}[${i}]`,
        method,
        expected: 'a finite number',
        received: item,
      });
    }
  }
  return value as readonly number[];
}

/** Throws unless `value` is one of `choices` (or undefined, which yields `fallback`). */
export function oneOf<T extends string>(
  value: unknown,
  choices: readonly T[],
  fallback: T,
  argument: string,
  method: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  throw new InvalidArgumentError({
    argument,
    method,
    expected: `one of ${choices.map((c) => `'${c}'`).join(', ')}`,
    received: value,
  });
}
