import { randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { makeDirectories } from './make-directories';
import { planName, rollBack, type SwapPlan, swap } from './output-swap';
import { UsageError } from './usage-error';

/** One file to write: its name inside the output directory and its contents. */
export interface OutputFile {
  /** A plain file name, no directories: `activation-losses.png`. */
  name: string;
  contents: string | Uint8Array;
}

/**
 * A run's outputs on their way into the output directory. The directory may hold the user's own
 * files: only the files of the last run (listed in its manifest) and the new run's names are
 * ever replaced or removed.
 */
export interface OutputSet {
  /**
   * Replaces the previous run's output files with `files`, as a set: after a failure the
   * directory holds all the previous files, otherwise all the new ones, never a mix. Returns the
   * paths written, in the order given. Synchronous, so no signal handler runs in the middle.
   */
  commit(files: readonly OutputFile[]): string[];
  /** Removes the staging directory and the directories `openOutputSet` created (if still empty). */
  abandon(): void;
}

/** The manifest: which files of the directory the last run wrote (so the next replaces them all). */
export const manifestName = '.mg-compare-outputs.json';

/** `.mg-compare-staging-<pid>-<8 hex digits>`: a run's private directory inside the output directory. */
const stagingPattern = /^\.mg-compare-staging-(\d+)-[0-9a-f]{8}$/;

/** Temporary files of earlier versions, which wrote each output beside its final name. */
const legacyTemporaryPattern = /^\.(?:write-test|activation-losses\.[a-z.]+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Creates `dir` (and its parents) and a private staging directory in it, which also proves that
 * `dir` is writable, so a bad `--out` fails in a second, before the training, not after it.
 * First it clears what a killed run left there: it restores the previous outputs a killed swap had
 * moved aside and removes its staging directory (only a dead process's). An unwritable directory
 * is a {@link UsageError} naming the directory and the reason.
 */
export function openOutputSet(dir: string): OutputSet {
  let created: string[];
  try {
    created = makeDirectories(dir);
  } catch (error) {
    throw outputError(dir, error);
  }
  const staging = join(dir, `.mg-compare-staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    clearStaleRuns(dir);
    mkdirSync(join(staging, 'new'), { recursive: true });
  } catch (error) {
    removeDirectories(staging, created);
    throw outputError(dir, error);
  }

  let open = true;
  const abandon = () => {
    if (!open) return;
    open = false;
    removeDirectories(staging, created);
  };
  const commit = (files: readonly OutputFile[]) => {
    if (!open) throw new Error('commit: this output set was already committed or abandoned');
    const names = files.map(({ name }) => checkName(name));
    try {
      for (const file of files) writeFileSync(join(staging, 'new', file.name), file.contents);
      writeFileSync(join(staging, 'new', manifestName), `${JSON.stringify({ files: names })}\n`);
    } catch (error) {
      abandon();
      throw outputError(dir, error);
    }
    const inTheWay = names.find((name) => kindOf(join(dir, name)) === 'other');
    if (inTheWay !== undefined) {
      abandon();
      throw new UsageError(
        `cannot write to output directory '${dir}': '${inTheWay}' in it is a directory or ` +
          'another non-file, in the way of an output (nothing was replaced)',
      );
    }
    const ours = new Set([...names, manifestName, ...readManifest(dir)]);
    const plan: SwapPlan = {
      files: [...names, manifestName],
      previous: [...ours].filter((name) => kindOf(join(dir, name)) === 'file'),
    };
    try {
      swap(dir, staging, plan);
    } catch (error) {
      try {
        rollBack(dir, staging, plan);
      } catch {
        // Leave the staging directory (with its plan) for the next run to finish the roll back.
        open = false;
        throw outputError(
          dir,
          error,
          ' (the previous files are set aside; the next run restores them)',
        );
      }
      abandon();
      throw outputError(dir, error, ' (nothing was replaced)');
    }
    open = false;
    rmSync(staging, { recursive: true, force: true });
    return names.map((name) => join(dir, name));
  };
  return { commit, abandon };
}

/** Output names are plain file names: no directories, nothing hidden of ours. */
function checkName(name: string): string {
  if (!isPlainName(name) || name.startsWith('.mg-compare')) {
    throw new Error(`OutputFile.name must be a plain file name, but got '${name}'`);
  }
  return name;
}

/** A name for a file right inside a directory (no path, not `.` or `..`). */
function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && /^[^/\\]+$/.test(name) && name !== '.' && name !== '..';
}

/** What is at `path`: nothing, a file (or a symbolic link, which a rename replaces), or other. */
function kindOf(path: string): 'none' | 'file' | 'other' {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 'none';
  return stat.isFile() || stat.isSymbolicLink() ? 'file' : 'other';
}

/** The names the last run's manifest lists; none if there is no readable manifest. */
function readManifest(dir: string): string[] {
  try {
    const { files } = JSON.parse(readFileSync(join(dir, manifestName), 'utf8')) as {
      files?: unknown;
    };
    if (!Array.isArray(files)) return [];
    return files.filter((name) => isPlainName(name) && !name.startsWith('.mg-compare'));
  } catch {
    return [];
  }
}

/**
 * Rolls back and removes the staging directories of runs that were killed (their process is gone)
 * and removes the temporaries earlier versions left. Another run's live staging is left alone.
 */
function clearStaleRuns(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (legacyTemporaryPattern.test(entry)) {
      if (kindOf(path) === 'file') rmSync(path, { force: true });
      continue;
    }
    const pid = stagingPattern.exec(entry)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const plan = readPlan(path);
    if (plan !== undefined) rollBack(dir, path, plan);
    rmSync(path, { recursive: true, force: true });
  }
}

/** The plan of a swap that did not finish, if `staging` holds one (none: nothing was moved yet). */
function readPlan(staging: string): SwapPlan | undefined {
  try {
    const plan = JSON.parse(readFileSync(join(staging, planName), 'utf8')) as SwapPlan;
    const names = [...plan.files, ...plan.previous];
    return names.every(isPlainName) ? plan : undefined;
  } catch {
    return undefined;
  }
}

/** True if a process with this id exists (ours counts as not: a stale directory reused our id). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes `staging`, then each directory in `created` (innermost first) that is now empty. */
function removeDirectories(staging: string, created: readonly string[]): void {
  rmSync(staging, { recursive: true, force: true });
  for (const path of [...created].reverse()) {
    try {
      rmdirSync(path);
    } catch {
      return;
    }
  }
}

const reasons: Record<string, string> = {
  ENOENT: 'a parent directory is missing or cannot hold new entries',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file with that name exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EISDIR: 'a directory is in the way',
};

function outputError(dir: string, error: unknown, outcome = ''): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error));
  return new UsageError(
    `cannot write to output directory '${dir}': ${reasons[code] ?? code.toLowerCase()} (${code})${outcome}`,
  );
}
