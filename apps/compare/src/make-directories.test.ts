import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirectories } from './make-directories';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mg-compare-mkdir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('makeDirectories', () => {
  it('creates the missing levels and returns them, outermost first', () => {
    const created = makeDirectories(join(root, 'a', 'b', 'c'));
    expect(created).toEqual([join(root, 'a'), join(root, 'a', 'b'), join(root, 'a', 'b', 'c')]);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
  });

  it('returns nothing for a directory that exists', () => {
    expect(makeDirectories(root)).toEqual([]);
  });

  it('refuses a path under a regular file (ENOTDIR) and a regular file (EEXIST)', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeDirectories(join(root, 'file', 'out'))).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
    expect(() => makeDirectories(join(root, 'file'))).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
  });

  // Regression: Node's recursive mkdir spun forever here (ENOENT from a parent that exists).
  it.runIf(existsSync('/proc/self'))(
    'refuses a directory under /proc, which refuses new entries, instead of hanging',
    () => {
      expect(() => makeDirectories('/proc/mg-compare-test/out')).toThrow(
        expect.objectContaining({ code: 'ENOENT' }),
      );
    },
  );
});
