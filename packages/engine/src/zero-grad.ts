import { InvalidArgumentError } from './errors';
import { Value } from './value';

/** Sets `grad = 0` on every value given, e.g. a model's parameters before the next backward pass. */
export function zeroGrad(values: Iterable<Value>): void {
  if (typeof (values as Partial<Iterable<Value>> | null)?.[Symbol.iterator] !== 'function') {
    throw new InvalidArgumentError({
      argument: 'values',
      method: 'zeroGrad',
      expected: 'an iterable of Values',
      received: values,
    });
  }
  let i = 0;
  for (const v of values) {
    if (!(v instanceof Value)) {
      throw new InvalidArgumentError({
        argument: `values[${i}]`,
        method: 'zeroGrad',
        expected: 'a Value',
        received: v,
      });
    }
    v.grad = 0;
    i++;
  }
}
