import { describe, expect, it } from 'vitest';
import { parameterCount } from './network';
import { runScalingCell, scalingCells, scalingShape } from './scaling';

describe('scaling', () => {
  it('has every width × samples cell in both modes, eager beside compiled', () => {
    const cells = scalingCells();
    expect(cells).toHaveLength(4 * 3 * 2);
    expect(cells.slice(0, 2)).toEqual([
      { width: 4, samples: 4, mode: 'eager' },
      { width: 4, samples: 4, mode: 'compiled' },
    ]);
    expect(parameterCount(scalingShape(64))).toBe(65 * 64 + 65 * 64 + 65);
  });

  it('measures a cell: epochs for ~4M units, ns per unit from three timed runs', async () => {
    const result = await runScalingCell({ width: 4, samples: 64, mode: 'compiled' });
    // 45 parameters × 64 samples = 2880 units per epoch: 1389 epochs per run.
    expect(result).toMatchObject({ parameters: 45, epochs: 1389 });
    expect(result.nsPerUnit).toHaveLength(3);
    for (const ns of result.nsPerUnit) expect(ns).toBeGreaterThan(0);
    expect(result.gcShare).toHaveLength(3);
    for (const share of result.gcShare) expect(share >= 0 && share <= 1).toBe(true);
    expect(result.setupMs).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
  });
});
