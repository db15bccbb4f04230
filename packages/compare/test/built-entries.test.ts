import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dist), 'utf8');
/** The module specifiers of a built file's static imports and re-exports. */
const specifiers = (code: string) =>
  [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*\{[^}]*\}\s*from\s*"([^"]+)"/g)].map(
    (match) => match[1],
  );

// src/dependencies.ts: the package names are imported once, in the chunk both entries share.
// Each resolution of a package name costs Node's module loader about a million instructions.
describe('the built ES module entries', () => {
  const chunks = readdirSync(dist).filter((name) => /^chunk-.*\.js$/.test(name));

  it('are two entries over one shared chunk', () => {
    expect(chunks).toHaveLength(1);
    expect(specifiers(read('browser.js'))).toEqual([`./${chunks[0]}`]);
  });

  it('resolve each sibling package from the chunk only, not again from dist/index.js', () => {
    expect([...new Set(specifiers(read('index.js')))]).toEqual([`./${chunks[0]}`]);
    expect([...new Set(specifiers(read(chunks[0] as string)))].sort()).toEqual([
      '@mg/activations',
      '@mg/engine',
      '@mg/nn',
    ]);
  });

  it("share their classes: an error of one entry is an instance of the other entry's class", () => {
    const script = `const node = await import(${JSON.stringify(new URL('index.js', dist).href)});
      const browser = await import(${JSON.stringify(new URL('browser.js', dist).href)});
      let error; try { node.makeDataset('no such dataset', 1); } catch (caught) { error = caught; }
      console.log(JSON.stringify([error instanceof browser.UnknownDatasetError,
        node.ComparisonError === browser.ComparisonError]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 100_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, true]);
  }, 100_000);
});
