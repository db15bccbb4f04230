import { describe, expect, it } from 'vitest';
import { Value } from './value';
import { zeroGrad } from './zero-grad';

describe('zeroGrad', () => {
  it('sets grad to 0 on every value given and leaves data alone', () => {
    const w = new Value(2);
    const b = new Value(-1);
    w.mul(3).add(b).backward();
    expect([w.grad, b.grad]).toEqual([3, 1]);
    zeroGrad([w, b]);
    expect([w.grad, b.grad]).toEqual([0, 0]);
    expect([w.data, b.data]).toEqual([2, -1]);
  });

  it('accepts any iterable, e.g. a Set or a generator', () => {
    const values = [new Value(1), new Value(2)];
    for (const v of values) v.grad = 5;
    zeroGrad(new Set(values));
    expect(values.map((v) => v.grad)).toEqual([0, 0]);
    for (const v of values) v.grad = 5;
    zeroGrad(
      (function* () {
        yield* values;
      })(),
    );
    expect(values.map((v) => v.grad)).toEqual([0, 0]);
  });

  it('makes the next backward pass start from scratch', () => {
    const x = new Value(3);
    const y = x.mul(x);
    y.backward();
    y.backward();
    expect(x.grad).toBe(12);
    zeroGrad([x]);
    y.backward();
    expect(x.grad).toBe(6);
  });

  it('rejects a non-iterable and names the first element that is not a Value', () => {
    expect(() => zeroGrad(3 as never)).toThrow(
      "Argument 'values' passed to 'zeroGrad' must be an iterable of Values, but got number 3",
    );
    expect(() => zeroGrad([new Value(1), 1] as never)).toThrow(
      "Argument 'values[1]' passed to 'zeroGrad' must be a Value, but got number 1",
    );
  });
});
