import { InvalidArgumentError } from './errors';
import { Value } from './value';

/** Sets `grad = 0` on every value given, e.g. a model's parameters before the next backward pass. */
export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) {
    if (!(v instanceof Value)) {
      throw new InvalidArgumentError({
        argument: 'values',
        method: 'zeroGrad',
        expected: 'an iterable of Values',
        received: v,
      });
    }
    v.grad = 0;
  }
}
