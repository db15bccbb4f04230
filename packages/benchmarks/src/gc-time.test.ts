import { describe, expect, it } from 'vitest';
import { garbageCollectionShares, watchGarbageCollection } from './gc-time';

describe('garbageCollectionShares', () => {
  it('adds the pauses that start inside each window, as a share of it', () => {
    const windows = [
      { start: 0, end: 10 },
      { start: 10, end: 30 },
    ];
    const pauses = [
      { startTime: 1, duration: 2 },
      { startTime: 9.5, duration: 1 },
      { startTime: 10, duration: 4 },
      { startTime: 30, duration: 5 },
    ];
    expect(garbageCollectionShares(windows, pauses)).toEqual([0.3, 0.2]);
  });

  it('is 0 without pauses and at most 1 when a pause outlasts its window', () => {
    expect(garbageCollectionShares([{ start: 0, end: 4 }], [])).toEqual([0]);
    expect(
      garbageCollectionShares([{ start: 0, end: 4 }], [{ startTime: 3, duration: 10 }]),
    ).toEqual([1]);
  });
});

describe('watchGarbageCollection', () => {
  it('sees a collection that happens while watching', async () => {
    const watch = watchGarbageCollection();
    // Enough short-lived garbage for at least one young-generation collection.
    let kept: unknown[] = [];
    for (let i = 0; i < 200_000; i++) kept = [i, kept.length];
    const pauses = await watch.stop();
    expect(kept).toHaveLength(2);
    expect(pauses.length).toBeGreaterThan(0);
    for (const pause of pauses) expect(pause.duration).toBeGreaterThanOrEqual(0);
  });
});
