import { describe, expect, it } from 'vitest';
import { mergeOutcomes } from './merge-outcomes';
import type { CaseResult } from './results';

const result = (samplesMs: number[], peakRssMb: number, loss: number): CaseResult => ({
  workload: 'A',
  implementation: 'compiled',
  timings: [{ label: 'train', samplesMs }],
  losses: [[loss]],
  peakRssMb,
  warmups: 5,
});

describe('mergeOutcomes', () => {
  it('pools the timed runs of every process, keeps the highest peak and the first losses', () => {
    const merged = mergeOutcomes([result([3, 1], 90, 0.5), result([2], 120, 0.7)]) as CaseResult;
    expect(merged.timings).toEqual([{ label: 'train', samplesMs: [3, 1, 2] }]);
    expect(merged.peakRssMb).toBe(120);
    expect(merged.losses).toEqual([[0.5]]);
  });

  it('reports a failure if any process failed, and passes a single outcome through', () => {
    const failure = { workload: 'A' as const, implementation: 'compiled' as const, error: 'boom' };
    expect(mergeOutcomes([result([1], 90, 0.5), failure])).toBe(failure);
    const single = result([1], 90, 0.5);
    expect(mergeOutcomes([single])).toBe(single);
  });
});
