import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error';

/** One file to write: its name inside the output directory and its contents. */
export interface OutputFile {
  name: string;
  contents: string | Uint8Array;
}

/**
 * Creates `dir` (and its parents) and proves it is writable by writing and removing a probe file,
 * so a bad `--out` fails in a second, before the training, not after it.
 * An unwritable directory is a {@link UsageError} naming the directory and the reason.
 * Returns `undo`, which removes the directories this call created if they are still empty (for a
 * run that fails before writing anything).
 */
export async function prepareOutputDir(dir: string): Promise<() => Promise<void>> {
  const probe = join(dir, temporaryName('.write-test'));
  let created: string | undefined;
  try {
    created = await makeDirectories(dir);
    await writeFile(probe, '');
  } catch (error) {
    throw outputError(dir, error);
  }
  await rm(probe, { force: true });
  return async () => {
    if (created === undefined) return;
    // From the deepest up to the first one created; rmdir refuses (and we stop) if one is not empty.
    for (let path = resolve(dir); ; path = dirname(path)) {
      try {
        await rmdir(path);
      } catch {
        return;
      }
      if (path === resolve(created)) return;
    }
  };
}

/**
 * `mkdir -p`: creates `dir` and its missing parents, returning the first directory created (or
 * `undefined` if `dir` existed), like `mkdir(dir, { recursive: true })`.
 * NOTE: Node's recursive mkdir never returns where a parent exists but refuses new entries with
 * ENOENT (e.g. `--out /proc/x` on Linux): it retries the parent and the child forever. Creating
 * the missing levels one by one turns that into an ENOENT error.
 */
async function makeDirectories(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let path = resolve(dir); ; path = dirname(path)) {
    const code = await stat(path).then(
      () => undefined,
      (error: { code?: unknown }) => error.code,
    );
    // Any other failure (ENOTDIR, EACCES) is left for mkdir to report.
    if (code !== 'ENOENT' || dirname(path) === path) break;
    missing.push(path);
  }
  if (missing.length === 0) return mkdir(dir, { recursive: true });
  missing.reverse();
  for (const path of missing) await mkdir(path);
  return missing[0];
}

/**
 * Writes every file to a temporary name in `dir`, then renames each into place: a reader never
 * sees a half-written file, and if any write fails the temporaries are removed and nothing is
 * replaced. Returns the paths written, in the order given.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: { temporary: string; final: string }[] = [];
  const removeTemporaries = () =>
    Promise.all(written.map(({ temporary }) => rm(temporary, { force: true })));
  try {
    await mkdir(dir, { recursive: true });
    for (const file of files) {
      const entry = { temporary: join(dir, temporaryName(file.name)), final: join(dir, file.name) };
      written.push(entry);
      await writeFile(entry.temporary, file.contents);
    }
  } catch (error) {
    await removeTemporaries();
    throw outputError(dir, error);
  }
  // NOTE: rename within one directory is atomic on POSIX file systems; each file appears whole.
  try {
    for (const { temporary, final } of written) await rename(temporary, final);
  } catch (error) {
    await removeTemporaries();
    throw outputError(dir, error);
  }
  return written.map(({ final }) => final);
}

/** `.activation-losses.png.1a2b3c4d.tmp`: hidden, unique per call, in the same directory. */
function temporaryName(name: string): string {
  return `.${name}.${randomBytes(4).toString('hex')}.tmp`;
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

function outputError(dir: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error));
  return new UsageError(
    `cannot write to output directory '${dir}': ${reasons[code] ?? code.toLowerCase()} (${code})`,
  );
}
