import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`: creates `dir` and its missing parents, returning the directories it created, the
 * outermost first (empty if `dir` existed), so a failed run can remove exactly those again.
 * NOTE: Node's recursive mkdir never returns where a parent exists but refuses new entries with
 * ENOENT (e.g. `--out /proc/x` on Linux): it retries the parent and the child forever. Creating
 * the missing levels one by one turns that into an ENOENT error.
 */
export function makeDirectories(dir: string): string[] {
  const missing: string[] = [];
  for (let path = resolve(dir); ; path = dirname(path)) {
    let code: unknown;
    try {
      statSync(path);
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    // Any other failure (ENOTDIR, EACCES) is left for mkdir to report.
    if (code !== 'ENOENT' || dirname(path) === path) break;
    missing.push(path);
  }
  if (missing.length === 0) {
    // Exists: mkdir reports a regular file in the way (EEXIST) and does nothing to a directory.
    mkdirSync(dir, { recursive: true });
    return [];
  }
  missing.reverse();
  for (const path of missing) mkdirSync(path);
  return missing;
}
