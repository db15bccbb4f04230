import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stoppingAt } from '../test/stopping-file-system';
import { planName, rollBack, type SwapPlan, swap } from './output-swap';

let dir: string;
let staging: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-compare-swap-'));
  staging = join(dir, '.staging');
  mkdirSync(join(staging, 'new'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The directory's files (not the staging directory) and their contents. */
function contents(): Record<string, string> {
  const files = readdirSync(dir).filter((name) => name !== '.staging');
  return Object.fromEntries(
    files.sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

/** Previous files a, b, gone (only in the previous set); new files a, b, fresh. */
function setUp(): SwapPlan {
  for (const name of ['a', 'b', 'gone']) writeFileSync(join(dir, name), `old ${name}`);
  writeFileSync(join(dir, 'user'), 'not ours');
  for (const name of ['a', 'b', 'fresh']) writeFileSync(join(staging, 'new', name), `new ${name}`);
  return { files: ['a', 'b', 'fresh'], previous: ['a', 'b', 'gone'] };
}

const previousSet = { a: 'old a', b: 'old b', gone: 'old gone', user: 'not ours' };
/** The error a failing rename or unlink throws in these tests. */
const injected = () => Object.assign(new Error('injected'), { code: 'EIO' });

const newSet = { a: 'new a', b: 'new b', fresh: 'new fresh', user: 'not ours' };

describe('swap', () => {
  it('replaces the previous set with the new one and leaves other files alone', () => {
    const plan = setUp();
    swap(dir, staging, plan);
    expect(contents()).toEqual(newSet);
    expect(readdirSync(staging).sort()).toEqual(['new', 'old']);
    expect(readdirSync(join(staging, 'new'))).toEqual([]);
  });

  // 3 renames aside, 3 renames in, 1 unlink of the plan: stop at each of the 7 steps.
  it.each([1, 2, 3, 4, 5, 6, 7])(
    'stopped at step %i, then rolled back (twice, as after a kill), leaves the previous set',
    (step) => {
      const plan = setUp();
      expect(() => swap(dir, staging, plan, stoppingAt(step, injected()))).toThrow('injected');
      rollBack(dir, staging, plan);
      rollBack(dir, staging, plan);
      expect(contents()).toEqual(previousSet);
      expect(readdirSync(join(staging, 'new')).sort()).toEqual(['a', 'b', 'fresh']);
    },
  );

  it('rolled back halfway, then again, still leaves the previous set', () => {
    const plan = setUp();
    expect(() => swap(dir, staging, plan, stoppingAt(5, injected()))).toThrow('injected');
    // A roll back killed after its first file: redo it from there.
    renameSync(join(dir, 'a'), join(staging, 'new', 'a'));
    rollBack(dir, staging, plan);
    expect(contents()).toEqual(previousSet);
  });

  it('writes the plan before the first rename and removes it at the end', () => {
    const plan = setUp();
    let seen: unknown;
    swap(dir, staging, plan, {
      renameSync: (from, to) => {
        seen ??= JSON.parse(readFileSync(join(staging, planName), 'utf8'));
        renameSync(from, to);
      },
      unlinkSync,
    });
    expect(seen).toEqual(plan);
    expect(readdirSync(staging)).not.toContain(planName);
  });
});
