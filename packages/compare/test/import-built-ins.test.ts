import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** The Node modules that `import(file)` makes a fresh process load, beyond its own start-up. */
function modulesLoadedBy(file: string): string[] {
  const script = [
    'const before = new Set(process.moduleLoadList);',
    `await import(${JSON.stringify(file)});`,
    'console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 100_000,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe("import '@mg/compare' (the built package)", () => {
  // Each public Node built-in an ES module imports costs every import its ES module facade;
  // os and fs/promises are loaded where they are used (runComparison, readCsvDataset, the pool).
  it('loads neither node:os nor node:fs nor node:fs/promises', { timeout: 100_000 }, () => {
    const loaded = modulesLoadedBy(dist);
    // Node's own ES module loader is in the list: the check sees the import.
    expect(loaded).toContain('NativeModule internal/modules/esm/resolve');
    for (const name of ['os', 'fs', 'fs/promises'])
      expect(loaded).not.toContain(`NativeModule ${name}`);
  });
});
