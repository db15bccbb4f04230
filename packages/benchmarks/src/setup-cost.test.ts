import { describe, expect, it } from 'vitest';
import { parameterCount } from './network';
import { runSetupCost, setupShape } from './setup-cost';

describe('setup cost', () => {
  it('measures a width-w network: setup, trace, compile, one epoch, peak RSS', async () => {
    const result = await runSetupCost(8);
    expect(result.parameters).toBe(parameterCount(setupShape(8)));
    expect(result.parameters).toBe(8 * 9 + 9);
    for (const ms of [result.setupMs, result.traceMs, result.compileMs, result.epochMs]) {
      expect(ms).toBeGreaterThan(0);
    }
    expect(result.peakRssEpochMb).toBeGreaterThanOrEqual(result.peakRssSetupMb);
    expect(result.heapLimitMb).toBeGreaterThan(0);
  });
});
