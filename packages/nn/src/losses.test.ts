import { InvalidArgumentError, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits, meanSquaredError, sumSquaredError } from './losses';

describe('binaryCrossEntropyWithLogits', () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('is −[y ln σ(z) + (1 − y) ln(1 − σ(z))] with gradient σ(z) − y', () => {
    for (const [z, y] of [
      [0, 1],
      [0.75, 0],
      [-1.5, 1],
      [2, 0.25],
    ] as const) {
      const logit = new Value(z);
      const loss = binaryCrossEntropyWithLogits([logit], [y]);
      const textbook = -(y * Math.log(sigmoid(z)) + (1 - y) * Math.log(1 - sigmoid(z)));
      expect(loss.data).toBeCloseTo(textbook, 14);
      loss.backward();
      expect(logit.grad).toBeCloseTo(sigmoid(z) - y, 15);
    }
    expect(binaryCrossEntropyWithLogits([new Value(0)], [1]).data).toBe(Math.LN2);
  });

  it('stays finite and exact where the textbook form overflows or takes ln 0', () => {
    // The textbook form gives Infinity here (σ(−1000) = 0, ln 0); the loss is 1000.
    const wrong = new Value(-1000);
    const loss = binaryCrossEntropyWithLogits([wrong], [1]);
    expect(loss.data).toBe(1000);
    loss.backward();
    expect(wrong.grad).toBe(-1);
    // A confident right answer costs about e^−40, not 0 and not NaN.
    expect(binaryCrossEntropyWithLogits([new Value(40)], [1]).data).toBeCloseTo(Math.exp(-40), 30);
    // Sums over several outputs.
    expect(binaryCrossEntropyWithLogits([new Value(0), new Value(0)], [1, 0]).data).toBe(
      2 * Math.LN2,
    );
  });

  it('names a bad argument', () => {
    expect(() => binaryCrossEntropyWithLogits([new Value(0)], [Number.NaN])).toThrow(
      "Argument 'targets[0]' passed to 'binaryCrossEntropyWithLogits' must be a Value or a finite number",
    );
  });
});

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
