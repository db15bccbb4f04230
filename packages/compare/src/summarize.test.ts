import { describe, expect, it } from 'vitest';
import { band, rankingLoss, rankSummaries, summarize } from './summarize';

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

describe('rankSummaries', () => {
  const run = (losses: number[], validationLosses?: number[]) => ({
    seed: 0,
    losses,
    diverged: null,
    ...(validationLosses ? { validationLosses } : {}),
  });

  it('ranks by the final validation loss when rows were held out, else by the final loss', () => {
    const overfits = summarize('overfits', [run([1, 0.01], [1, 0.9])], 0.1, 1);
    const generalises = summarize('generalises', [run([1, 0.2], [1, 0.3])], 0.1, 1);
    expect(overfits.validation).toMatchObject({ finalLoss: 0.9, bestLoss: 0.9, bestEpoch: 1 });
    expect(rankSummaries([overfits, generalises]).map((s) => s.activation)).toEqual([
      'generalises',
      'overfits',
    ]);
    expect(rankingLoss(overfits)).toBe(0.9);
    const plain = summarize('plain', [run([1, 0.5])], 0.1, 1);
    expect(plain.validation).toBeUndefined();
    expect(rankingLoss(plain)).toBe(0.5);
  });

  it('puts a diverged activation last', () => {
    const diverged = summarize(
      'diverged',
      [{ seed: 0, losses: [1], diverged: { epoch: 1, loss: Number.NaN }, validationLosses: [0.1] }],
      0.1,
      1,
    );
    const fine = summarize('fine', [run([1, 0.5], [1, 0.7])], 0.1, 1);
    expect(rankSummaries([diverged, fine]).map((s) => s.activation)).toEqual(['fine', 'diverged']);
  });
});
