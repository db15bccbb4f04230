import { lstatSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a swap replaces: `files`, staged in `<staging>/new/`, take the place of `previous`, the
 * output files of ours that existed in the output directory (moved aside to `<staging>/old/`).
 * Written to `<staging>/plan.json` before the first rename and removed after the last, so a run
 * killed in between leaves what {@link rollBack} needs to restore the previous set.
 */
export interface SwapPlan {
  files: string[];
  previous: string[];
}

/** The file-system calls a swap makes, replaceable so tests can fail any one of them. */
export interface SwapFileSystem {
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

/** The plan's file name inside the staging directory. */
export const planName = 'plan.json';

/**
 * Replaces `plan.previous` with `plan.files` in `dir`: writes the plan, moves every previous file
 * into `<staging>/old/`, moves every new one into `dir`, then removes the plan (the commit point).
 * Synchronous on purpose: a signal handler cannot run in the middle of it. On a failure it throws
 * and leaves the state for {@link rollBack}.
 */
export function swap(
  dir: string,
  staging: string,
  plan: SwapPlan,
  fs: SwapFileSystem = { renameSync, unlinkSync },
): void {
  // Written whole, then renamed: a plan that is there is complete.
  writeFileSync(join(staging, `${planName}.tmp`), JSON.stringify(plan));
  renameSync(join(staging, `${planName}.tmp`), join(staging, planName));
  mkdirSync(join(staging, 'old'), { recursive: true });
  for (const name of plan.previous) fs.renameSync(join(dir, name), join(staging, 'old', name));
  for (const name of plan.files) fs.renameSync(join(staging, 'new', name), join(dir, name));
  fs.unlinkSync(join(staging, planName));
}

/**
 * Undoes a swap stopped at any step (by an error, or a kill found by a later run): puts each new
 * file back into `<staging>/new/` and each previous file back into `dir`. Idempotent, so a roll
 * back that is itself interrupted can simply be run again.
 */
export function rollBack(dir: string, staging: string, plan: SwapPlan): void {
  const previous = new Set(plan.previous);
  for (const name of new Set([...plan.files, ...plan.previous])) {
    const inDir = join(dir, name);
    const staged = join(staging, 'new', name);
    const old = join(staging, 'old', name);
    // The file in `dir` is the new one if it has left staging while the previous one (if there
    // was one) is still set aside.
    if (
      plan.files.includes(name) &&
      !present(staged) &&
      present(inDir) &&
      (!previous.has(name) || present(old))
    ) {
      renameSync(inDir, staged);
    }
    if (present(old)) renameSync(old, inDir);
  }
  rmSync(join(staging, planName), { force: true });
}

/** True if anything is at `path`, a dangling symbolic link included (`existsSync` follows links). */
function present(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}
