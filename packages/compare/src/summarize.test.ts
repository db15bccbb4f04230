import { describe, expect, it } from 'vitest';
import { band, summarize } from './summarize';

describe('band', () => {
  it('gives mean, min and max per epoch', () => {
    const result = band([{ losses: [4, 2, 1] }, { losses: [2, 2, 3] }]);
    expect(result).toEqual({ mean: [3, 2, 2], min: [2, 2, 1], max: [4, 2, 3] });
  });

  it('averages only the runs that reached an epoch, so no NaN enters', () => {
    const result = band([{ losses: [4, 2, 1] }, { losses: [6] }]);
    expect(result).toEqual({ mean: [5, 2, 1], min: [4, 2, 1], max: [6, 2, 1] });
  });

  it('equals the run itself for one run', () => {
    const losses = [0.1 + 0.2, 1 / 3, Math.PI];
    expect(band([{ losses }]).mean).toEqual(losses);
  });
});

describe('summarize', () => {
  it('reads final, best and threshold off the mean curve', () => {
    const summary = summarize(
      'tanh',
      [
        { seed: 0, losses: [4, 1, 0.04, 0.06], diverged: null },
        { seed: 1, losses: [4, 3, 0.1, 0.08], diverged: null },
      ],
      0.1,
      12,
    );
    // Mean curve [4, 2, 0.07, 0.07]: best 0.07 first at epoch 2, below 0.1 first at epoch 2.
    expect(summary.mean).toEqual([4, 2, 0.07, 0.07]);
    expect(summary.finalLoss).toBe(0.07);
    expect(summary.bestLoss).toBe(0.07);
    expect(summary.bestEpoch).toBe(2);
    expect(summary.epochsToThreshold).toBe(2);
    expect(summary.diverged).toBe(false);
    expect(summary.divergedEpoch).toBeNull();
    expect(summary.timeMs).toBe(12);
    expect(summary.activation).toBe('tanh');
  });

  it('gives null when the threshold is never reached', () => {
    const summary = summarize('relu', [{ seed: 0, losses: [3, 2, 1], diverged: null }], 0.5, 0);
    expect(summary.epochsToThreshold).toBeNull();
    expect(summary.finalLoss).toBe(1);
  });

  it('marks divergence at the earliest epoch of any seed and sorts it last by final loss', () => {
    const summary = summarize(
      'softplus',
      [
        { seed: 0, losses: [4, 9], diverged: { epoch: 2, loss: Number.POSITIVE_INFINITY } },
        { seed: 1, losses: [4, 3, 2], diverged: null },
        { seed: 2, losses: [4], diverged: { epoch: 1, loss: Number.NaN } },
      ],
      0.1,
      0,
    );
    expect(summary.diverged).toBe(true);
    expect(summary.divergedEpoch).toBe(1);
    expect(summary.finalLoss).toBe(Number.POSITIVE_INFINITY);
    expect(summary.mean).toEqual([4, 6, 2]);
    expect(summary.mean.every(Number.isFinite)).toBe(true);
    expect(summary.bestLoss).toBe(2);
    expect(summary.bestEpoch).toBe(2);
  });
});
