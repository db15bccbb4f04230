import { InvalidArgumentError, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { meanSquaredError, sumSquaredError } from './losses';

describe('sumSquaredError and meanSquaredError', () => {
  it('compute Σ(p − t)² and its mean, with gradient 2(p − t) and 2(p − t)/n', () => {
    const p = [new Value(1.5), new Value(-2), new Value(0.25)];
    const t = [1, 1, -0.75];
    // By hand: 0.5² + (−3)² + 1² = 0.25 + 9 + 1.
    const sse = sumSquaredError(p, t);
    expect(sse.data).toBe(10.25);
    sse.backward();
    expect(p.map((v) => v.grad)).toEqual([1, -6, 2]);
    for (const v of p) v.grad = 0;
    const mse = meanSquaredError(p, t);
    expect(mse.data).toBeCloseTo(10.25 / 3, 15);
    mse.backward();
    expect(p.map((v) => v.grad)).toEqual([1 / 3, -6 / 3, 2 / 3]);
  });

  it('take targets as Values too', () => {
    const t = new Value(2);
    const loss = sumSquaredError([new Value(5)], [t]);
    expect(loss.data).toBe(9);
    loss.backward();
    expect(t.grad).toBe(-6);
  });

  it.each([
    [[], [1], 'predictions'],
    [[new Value(1)], [1, 2], 'targets'],
    [[new Value(1)], 'a', 'targets'],
    [[1], [1], 'predictions[0]'],
    [[new Value(1), new Value(2)], [0, Number.NaN], 'targets[1]'],
    [[new Value(1)], ['1'], 'targets[0]'],
  ])('reject bad arguments (%#)', (predictions, targets, argument) => {
    for (const loss of [sumSquaredError, meanSquaredError]) {
      try {
        loss(predictions as Value[], targets as number[]);
        expect.fail('expected an error');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).argument).toBe(argument);
      }
    }
  });
});
