import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stoppingAt } from '../test/stopping-file-system';
import { manifestName, openOutputSet } from './output-set';
import { swap } from './output-swap';
import { UsageError } from './usage-error';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mg-compare-outputs-'));
});
afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** Every entry of `dir` with its text (directories as '<dir>'), hidden ones included. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((entry) => [
        entry.name,
        entry.isDirectory() ? '<dir>' : readFileSync(join(dir, entry.name), 'utf8'),
      ]),
  );
}

const files = (tag: string, names = ['a.png', 'a.csv']) =>
  names.map((name) => ({ name, contents: `${tag} ${name}` }));

function manifest(names: string[]): string {
  return `${JSON.stringify({ files: names })}\n`;
}

/** The caught error of `action`. */
function caught(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('openOutputSet', () => {
  it('creates missing directories and stages privately, leaving nothing else behind', () => {
    const dir = join(root, 'a', 'b');
    const outputs = openOutputSet(dir);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).toMatch(/^\.mg-compare-staging-\d+-[0-9a-f]{8}$/);
    outputs.abandon();
    expect(readdirSync(root)).toEqual([]);
  });

  it('abandon removes only the directories it created, and only if empty', () => {
    mkdirSync(join(root, 'kept'));
    const outputs = openOutputSet(join(root, 'kept', 'new', 'deeper'));
    writeFileSync(join(root, 'kept', 'new', 'note'), 'x');
    outputs.abandon();
    expect(contents(root)).toEqual({ kept: '<dir>' });
    expect(contents(join(root, 'kept', 'new'))).toEqual({ note: 'x' });
  });

  it('rejects a path under a regular file, or a regular file, with a UsageError', () => {
    writeFileSync(join(root, 'file'), 'x');
    const dir = join(root, 'file', 'out');
    const error = caught(() => openOutputSet(dir));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `cannot write to output directory '${dir}': a part of the path is a file, not a directory (ENOTDIR)`,
    );
    expect(caught(() => openOutputSet(join(root, 'file'))).message).toMatch(/\(EEXIST\)$/);
  });

  it.runIf(process.getuid?.() !== 0)('rejects a directory it cannot write into', () => {
    chmodSync(root, 0o555);
    expect(caught(() => openOutputSet(root)).message).toMatch(/permission denied \(EACCES\)$/);
  });
});

describe('commit', () => {
  it('writes the files and a manifest naming them; returns the paths', () => {
    const dir = join(root, 'out');
    const paths = openOutputSet(dir).commit([
      { name: 'a.txt', contents: 'hello\n' },
      { name: 'b.bin', contents: new Uint8Array([0, 1, 255]) },
    ]);
    expect(paths).toEqual([join(dir, 'a.txt'), join(dir, 'b.bin')]);
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([0, 1, 255]);
    expect(contents(dir)).toEqual({
      [manifestName]: manifest(['a.txt', 'b.bin']),
      'a.txt': 'hello\n',
      'b.bin': '\u0000\u0001\ufffd',
    });
  });

  it("replaces the last run's files as a set: one it no longer writes goes, user files stay", () => {
    openOutputSet(root).commit(files('old', ['a.png', 'a.csv', 'extra.svg']));
    writeFileSync(join(root, 'notes.txt'), 'mine');
    openOutputSet(root).commit(files('new'));
    expect(contents(root)).toEqual({
      [manifestName]: manifest(['a.png', 'a.csv']),
      'a.csv': 'new a.csv',
      'a.png': 'new a.png',
      'notes.txt': 'mine',
    });
  });

  // Regression: a directory in the way of one output left four new files and one old.
  it('with a directory in the way of one output, replaces nothing and cleans up', () => {
    openOutputSet(root).commit(files('old'));
    rmSync(join(root, 'a.csv'));
    mkdirSync(join(root, 'a.csv'));
    const outputs = openOutputSet(root);
    const error = caught(() => outputs.commit(files('new')));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/'a\.csv' in it is a directory .*nothing was replaced/);
    expect(contents(root)).toEqual({
      [manifestName]: manifest(['a.png', 'a.csv']),
      'a.csv': '<dir>',
      'a.png': 'old a.png',
    });
  });

  // Regression: a signal during the old asynchronous renames left a mix and temporaries. A signal
  // handler runs only between two turns of the event loop, never inside synchronous code.
  it('commits synchronously, so no signal handler can run in the middle', () => {
    const result: unknown = openOutputSet(root).commit(files('new'));
    expect(result).toBeInstanceOf(Array);
  });

  it('refuses names that are paths or ours', () => {
    const outputs = openOutputSet(root);
    expect(() => outputs.commit([{ name: 'sub/a.png', contents: '' }])).toThrow(/plain file name/);
    expect(() => outputs.commit([{ name: manifestName, contents: '' }])).toThrow(/plain file name/);
  });
});

describe('a later run clears what a killed run left', () => {
  /** A staging directory name of a process that cannot exist (pids stay below 2^22 on Linux). */
  const deadStaging = (dir: string) => join(dir, '.mg-compare-staging-1073741824-0123abcd');

  it('removes a killed run’s staging directory and earlier versions’ temporaries', () => {
    mkdirSync(join(deadStaging(root), 'new'), { recursive: true });
    writeFileSync(join(deadStaging(root), 'new', 'a.png'), 'half');
    writeFileSync(join(root, '.activation-losses.png.1a2b3c4d.tmp'), 'half');
    writeFileSync(join(root, '.write-test.1a2b3c4d.tmp'), '');
    writeFileSync(join(root, 'keep.tmp'), 'mine');
    openOutputSet(root).abandon();
    expect(contents(root)).toEqual({ 'keep.tmp': 'mine' });
  });

  it('leaves a live run’s staging directory alone', () => {
    const live = join(root, `.mg-compare-staging-${process.ppid}-0123abcd`);
    mkdirSync(live);
    openOutputSet(root).abandon();
    expect(existsSync(live)).toBe(true);
  });

  // A kill (SIGKILL, power cut of the process) can stop a swap after any of its renames.
  it.each([1, 2, 3, 4, 5, 6, 7])(
    'restores the previous set when a swap was killed at step %i',
    (step) => {
      openOutputSet(root).commit(files('old'));
      const before = contents(root);
      // A new set staged as a run does it, then its swap stopped at `step` as a kill would.
      const staging = deadStaging(root);
      mkdirSync(join(staging, 'new'), { recursive: true });
      for (const file of files('new'))
        writeFileSync(join(staging, 'new', file.name), file.contents);
      writeFileSync(join(staging, 'new', manifestName), manifest(['a.png', 'a.csv']));
      const names = ['a.png', 'a.csv', manifestName];
      const kill = stoppingAt(step, new Error('killed'));
      expect(() => swap(root, staging, { files: names, previous: names }, kill)).toThrow('killed');

      openOutputSet(root).abandon();
      expect(contents(root)).toEqual(before);
    },
  );
});
