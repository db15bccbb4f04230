import { describe, expect, it } from 'vitest';
import { freshKinds } from './fresh-kinds';
import { bundleFreshEntry, runFreshProcesses } from './fresh-process';

// Spawns one process of each kind (they run the packages' built dist, as a user's program would).
describe('runFreshProcesses', () => {
  it('runs every kind once per round, each reporting its import and work', {
    timeout: 240_000,
  }, async () => {
    const samples = runFreshProcesses(await bundleFreshEntry(), 1);
    expect(Object.keys(samples)).toEqual([...freshKinds]);
    for (const kind of freshKinds) {
      expect(samples[kind]).toHaveLength(1);
      expect(samples[kind][0]!.wallMs).toBeGreaterThan(0);
    }
    expect(samples.node[0]).toMatchObject({ importMs: 0, workMs: 0 });
    expect(samples.imports[0]!.importMs).toBeGreaterThan(0);
    const { packages, builtins } = samples.imports[0]!;
    expect(Object.keys(packages!)).toEqual(['engine', 'activations', 'nn', 'compare']);
    for (const ms of Object.values(packages!)) expect(ms).toBeGreaterThan(0);
    expect(builtins).toBeGreaterThanOrEqual(0);
    expect(samples.compiled[0]!.packages).toBeUndefined();
    // The loader floor's stub packages, imported one by one like ours.
    const floor = samples.floor[0]!;
    expect(floor.importMs).toBeGreaterThan(0);
    expect(Object.keys(floor.packages!)).toEqual(['engine', 'activations', 'nn', 'compare']);
    expect(floor.builtins).toBe(0);
    for (const kind of ['hand-written', 'blocked', 'compiled', 'eager', 'compare'] as const) {
      expect(samples[kind][0]!.workMs).toBeGreaterThan(0);
    }
  });
});
