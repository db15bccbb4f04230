import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { toJson } from './to-json';

describe('toJson', () => {
  it('round-trips the full result', () => {
    const result = handMadeResult({ tanh: [[4, 2, 1, 0.5]], relu: [[4, 4, 4, 4]] });
    expect(JSON.parse(toJson(result))).toEqual(result);
  });

  it('writes non-finite numbers as strings instead of null', () => {
    const result = handMadeResult({ softplus: [{ losses: [4, 90], divergedAt: 2 }] });
    const parsed = JSON.parse(toJson(result));
    expect(parsed.results[0].finalLoss).toBe('Infinity');
    expect(parsed.results[0].runs[0].diverged).toEqual({ epoch: 2, loss: 'Infinity' });
    expect(parsed.results[0].mean).toEqual([4, 90]);
  });
});
