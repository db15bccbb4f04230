import { describe, expect, it } from 'vitest';
import { BenchmarkError } from './errors';
import { isSelected, readSettings } from './settings';

describe('readSettings', () => {
  it('defaults to per-workload warm-ups and repeats and every case', () => {
    expect(readSettings({})).toEqual({
      warmups: undefined,
      processes: 5,
      freshRounds: 15,
      repeats: undefined,
      only: undefined,
      setupWidth: 1000,
    });
  });

  it('reads BENCH_WARMUPS, BENCH_PROCESSES, BENCH_REPEATS, BENCH_FRESH_ROUNDS, BENCH_ONLY and BENCH_SETUP_WIDTH', () => {
    const settings = readSettings({
      BENCH_WARMUPS: '0',
      BENCH_PROCESSES: '1',
      BENCH_REPEATS: '7',
      BENCH_FRESH_ROUNDS: '3',
      BENCH_ONLY: 'A, C:eager',
      BENCH_SETUP_WIDTH: '3000',
    });
    expect(settings).toEqual({
      warmups: 0,
      processes: 1,
      freshRounds: 3,
      repeats: 7,
      only: ['A', 'C:eager'],
      setupWidth: 3000,
    });
    expect(isSelected(settings, 'A', 'tfjs')).toBe(true);
    expect(isSelected(settings, 'C', 'eager')).toBe(true);
    expect(isSelected(settings, 'C', 'compiled')).toBe(false);
    expect(isSelected(settings, 'B', 'eager')).toBe(false);
  });

  it('rejects counts that are not whole numbers or too small, naming the variable', () => {
    expect(() => readSettings({ BENCH_REPEATS: '0' })).toThrow(BenchmarkError);
    expect(() => readSettings({ BENCH_PROCESSES: '0' })).toThrow(/BENCH_PROCESSES/);
    expect(() => readSettings({ BENCH_REPEATS: '2.5' })).toThrow(
      "Environment variable BENCH_REPEATS must be a whole number >= 1, but got '2.5'",
    );
    expect(() => readSettings({ BENCH_WARMUPS: '-1' })).toThrow(/BENCH_WARMUPS/);
    expect(() => readSettings({ BENCH_SETUP_WIDTH: '0' })).toThrow(/BENCH_SETUP_WIDTH/);
  });
});
