import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from './usage-error';
import { prepareOutputDir, writeOutputs } from './write-outputs';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mg-compare-write-'));
});
afterEach(async () => {
  await chmod(root, 0o755).catch(() => {});
  await rm(root, { recursive: true, force: true });
});

describe('prepareOutputDir', () => {
  it('creates missing parents and leaves no probe file behind', async () => {
    const dir = join(root, 'a', 'b');
    await prepareOutputDir(dir);
    expect(await readdir(dir)).toEqual([]);
    expect(await readdir(root)).toEqual(['a']);
  });

  it('returns an undo that removes only the empty directories it created', async () => {
    await prepareOutputDir(join(root, 'kept'));
    const undo = await prepareOutputDir(join(root, 'kept', 'new', 'deeper'));
    await undo();
    expect(await readdir(root)).toEqual(['kept']);
    expect(await readdir(join(root, 'kept'))).toEqual([]);
  });

  it('returns an undo that keeps a directory that existed or is no longer empty', async () => {
    const undoExisting = await prepareOutputDir(root);
    await undoExisting();
    const undo = await prepareOutputDir(join(root, 'a', 'b'));
    await writeFile(join(root, 'a', 'note'), 'x');
    await undo();
    expect((await readdir(root)).sort()).toEqual(['a']);
    expect(await readdir(join(root, 'a'))).toEqual(['note']);
  });

  it('rejects a path under a regular file with a UsageError naming the directory', async () => {
    await writeFile(join(root, 'file'), 'x');
    const dir = join(root, 'file', 'out');
    const error = await prepareOutputDir(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `cannot write to output directory '${dir}': a part of the path is a file, not a directory (ENOTDIR)`,
    );
  });

  // Regression: Node's recursive mkdir spun forever here (ENOENT from a parent that exists).
  it.runIf(existsSync('/proc/self'))(
    'rejects a directory under /proc, which refuses new entries, instead of hanging',
    async () => {
      const dir = '/proc/mg-compare-test/out';
      const error = await prepareOutputDir(dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(
        `cannot write to output directory '${dir}': a parent directory is missing or cannot hold new entries (ENOENT)`,
      );
    },
    5_000,
  );

  it('rejects a path that is itself a regular file', async () => {
    await writeFile(join(root, 'file'), 'x');
    await expect(prepareOutputDir(join(root, 'file'))).rejects.toThrow(/\(EEXIST\)$/);
  });
});

describe('writeOutputs', () => {
  it('writes text and bytes under their names, returns the paths, leaves no temporaries', async () => {
    const paths = await writeOutputs(root, [
      { name: 'a.txt', contents: 'hello\n' },
      { name: 'b.bin', contents: new Uint8Array([0, 1, 255]) },
    ]);
    expect(paths).toEqual([join(root, 'a.txt'), join(root, 'b.bin')]);
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('hello\n');
    expect([...(await readFile(join(root, 'b.bin')))]).toEqual([0, 1, 255]);
    expect((await readdir(root)).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('replaces an existing file whole', async () => {
    await writeFile(join(root, 'a.txt'), 'old contents, longer than the new');
    await writeOutputs(root, [{ name: 'a.txt', contents: 'new' }]);
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('new');
  });

  it('on a failed write removes its temporaries and replaces nothing', async () => {
    await writeFile(join(root, 'a.txt'), 'old');
    // A file name containing a directory that does not exist makes the second write fail.
    const error = await writeOutputs(root, [
      { name: 'a.txt', contents: 'new' },
      { name: 'missing/b.txt', contents: 'b' },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/\(ENOENT\)$/);
    expect(await readdir(root)).toEqual(['a.txt']);
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('old');
  });
});
