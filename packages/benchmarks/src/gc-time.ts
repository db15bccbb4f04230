import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/** A stretch of time on the `performance.now()` clock, e.g. one timed run. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Collects V8's garbage-collection pauses (perf_hooks `gc` entries) until `stop()`. */
export interface GarbageCollectionWatch {
  /** Stops watching and resolves with every pause seen (entries arrive asynchronously). */
  stop(): Promise<readonly PerformanceEntry[]>;
}

/** Starts collecting garbage-collection pauses (each entry's `startTime` and `duration`, in ms). */
export function watchGarbageCollection(): GarbageCollectionWatch {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // The observer is called after the current task: let it run, then take what is left.
      await new Promise((resolve) => setImmediate(resolve));
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries;
    },
  };
}

/**
 * For each window, the share of it spent in garbage-collection pauses that started inside it
 * (0 to 1; a pause that runs past the window's end is counted whole, so clamped at 1).
 */
export function garbageCollectionShares(
  windows: readonly TimeWindow[],
  pauses: readonly Pick<PerformanceEntry, 'startTime' | 'duration'>[],
): number[] {
  return windows.map(({ start, end }) => {
    let paused = 0;
    for (const pause of pauses) {
      if (pause.startTime >= start && pause.startTime < end) paused += pause.duration;
    }
    return end > start ? Math.min(1, paused / (end - start)) : 0;
  });
}
