import { renameSync, unlinkSync } from 'node:fs';
import type { SwapFileSystem } from '../src/output-swap';

/**
 * The real renames and unlinks, except that call number `step` (from 1) throws `error` instead:
 * a failure, or a kill, at that exact point of a swap.
 */
export function stoppingAt(step: number, error: Error): SwapFileSystem {
  let calls = 0;
  const count = () => {
    calls += 1;
    if (calls === step) throw error;
  };
  return {
    renameSync(from, to) {
      count();
      renameSync(from, to);
    },
    unlinkSync(path) {
      count();
      unlinkSync(path);
    },
  };
}
