import { describe, expect, it } from 'vitest';
import { parameterCount, planThreads, type ThreadWorkload, threadCosts } from './plan-threads';

/** The default comparison: 11 activations, 3-10-5-1 (101 parameters), 4 samples, 1000 epochs. */
const defaultRun: ThreadWorkload = {
  tasks: 11,
  parameters: 101,
  samples: 4,
  epochs: 1000,
  cores: 2,
  requested: null,
};
const costs = { workerStartMs: 200, nsPerUnit: 50 };

describe('planThreads', () => {
  it('runs the default comparison inline on 2 cores: a worker costs more than it saves', () => {
    // work = 11 · 101 · 4 · 1000 · 50 ns = 222 ms; 2 workers: 200 + 111 ms.
    const plan = planThreads(defaultRun, costs);
    expect(plan).toEqual({ threads: 1, reason: 'model', estimatesMs: [222.2, 311.1] });
  });

  it('runs it inline with the measured constants too', () => {
    expect(planThreads(defaultRun).threads).toBe(1);
    expect(planThreads({ ...defaultRun, cores: 16 }).threads).toBe(1);
  });

  it('uses workers once the work outweighs their start-up', () => {
    // 20 seeds: work = 4444 ms; 2 workers: 200 + 2222 ms.
    expect(planThreads({ ...defaultRun, tasks: 220 }, costs).threads).toBe(2);
    // The break-even on 2 cores is work = 2 · workerStartMs = 400 ms (20 tasks: 404 ms).
    expect(planThreads({ ...defaultRun, tasks: 19 }, costs).threads).toBe(1);
    expect(planThreads({ ...defaultRun, tasks: 20 }, costs).threads).toBe(2);
  });

  it('uses every core for large work, but never more threads than tasks or cores', () => {
    const big = { ...defaultRun, epochs: 100_000 };
    expect(planThreads({ ...big, cores: 8 }, costs).threads).toBe(8);
    expect(planThreads({ ...big, cores: 64 }, costs).threads).toBe(11);
    expect(planThreads({ ...big, tasks: 1, cores: 8 }, costs)).toEqual({
      threads: 1,
      reason: 'model',
      estimatesMs: [2020], // 101 · 4 · 100 000 · 50 ns
    });
  });

  it('estimates each count: the start-up once, the work shared', () => {
    // work 1000 ms: t threads cost 200 + 1000 / t, the lowest at the most cores.
    const plan = planThreads(
      { tasks: 10, parameters: 1000, samples: 1, epochs: 2000, cores: 4, requested: null },
      costs,
    );
    expect(plan.estimatesMs).toEqual([1000, 700, 200 + 1000 / 3, 450]);
    expect(plan.threads).toBe(4);
  });

  it('prefers fewer threads on a tie', () => {
    // work 400 ms: inline 400, 2 workers 200 + 200.
    const plan = planThreads(
      { tasks: 4, parameters: 100, samples: 1, epochs: 1000, cores: 2, requested: null },
      { workerStartMs: 200, nsPerUnit: 1000 },
    );
    expect(plan.estimatesMs).toEqual([400, 400]);
    expect(plan.threads).toBe(1);
  });

  it('uses a requested count as given, even where the model would not', () => {
    expect(planThreads({ ...defaultRun, requested: 2 }, costs)).toMatchObject({
      threads: 2,
      reason: 'requested',
    });
    expect(planThreads({ ...defaultRun, tasks: 220, requested: 1 }, costs)).toMatchObject({
      threads: 1,
      reason: 'requested',
    });
  });

  it('clamps a request above the cores to the cores', () => {
    expect(planThreads({ ...defaultRun, requested: 300 }, costs)).toMatchObject({
      threads: 2,
      reason: 'clamped',
    });
    expect(planThreads({ ...defaultRun, requested: 2 }, costs).reason).toBe('requested');
  });

  it('treats a machine that reports no cores as one core', () => {
    expect(planThreads({ ...defaultRun, cores: 0, requested: 4 }, costs)).toMatchObject({
      threads: 1,
      reason: 'clamped',
    });
  });

  it('has positive measured constants', () => {
    expect(threadCosts.workerStartMs).toBeGreaterThan(0);
    expect(threadCosts.nsPerUnit).toBeGreaterThan(0);
  });
});

describe('parameterCount', () => {
  it('counts weights and biases layer by layer', () => {
    expect(parameterCount(3, [10, 5, 1])).toBe(4 * 10 + 11 * 5 + 6 * 1);
    expect(parameterCount(3, [10, 5, 4, 1])).toBe(124);
    expect(parameterCount(2, [1])).toBe(3);
  });
});
