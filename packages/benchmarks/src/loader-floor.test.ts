import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BenchmarkError } from './errors';
import { type LoadedPackage, readLoadedPackages, writeLoaderFloor } from './loader-floor';

const exportsMap = {
  '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } },
  './package.json': './package.json',
};

/** Four made-up packages importing each other as ours do, compare through a chunk of its own. */
function packages(chunkImports = ['@mg/activations', '@mg/engine', '@mg/nn']): LoadedPackage[] {
  const manifest = (name: string) => ({ name: `@mg/${name}`, type: 'module', exports: exportsMap });
  return [
    {
      name: 'engine',
      manifest: manifest('engine'),
      files: [{ path: 'dist/index.js', imports: [] }],
    },
    {
      name: 'activations',
      manifest: manifest('activations'),
      files: [{ path: 'dist/index.js', imports: ['@mg/engine', '@mg/engine'] }],
    },
    {
      name: 'nn',
      manifest: manifest('nn'),
      files: [{ path: 'dist/index.js', imports: ['@mg/engine', '@mg/activations', 'node:os'] }],
    },
    {
      name: 'compare',
      manifest: manifest('compare'),
      files: [
        { path: 'dist/index.js', imports: ['./chunk-A.js'] },
        { path: 'dist/chunk-A.js', imports: chunkImports },
      ],
    },
  ];
}

let directory: string | undefined;
afterEach(() => {
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

describe('writeLoaderFloor', () => {
  it('writes stub packages that a script beside them imports by name', {
    timeout: 60_000,
  }, () => {
    directory = mkdtempSync(join(tmpdir(), 'loader-floor-'));
    writeLoaderFloor(directory, packages());
    const manifest = JSON.parse(
      readFileSync(join(directory, 'floor', 'compare', 'package.json'), 'utf8'),
    );
    expect(manifest).toEqual({ name: '@mg-floor/compare', type: 'module', exports: exportsMap });
    expect(readFileSync(join(directory, 'floor', 'nn', 'dist', 'index.js'), 'utf8')).toBe(
      [
        'import { floor as imported0 } from "@mg-floor/engine";',
        'import { floor as imported1 } from "@mg-floor/activations";',
        'import "node:os";',
        'export const floor = "nn dist/index.js";',
        '',
      ].join('\n'),
    );
    // Linked as pnpm links ours: each package sees only the packages it imports.
    const links = join(directory, 'floor', 'compare', 'node_modules', '@mg-floor');
    for (const name of ['activations', 'engine', 'nn']) {
      expect(lstatSync(join(links, name)).isSymbolicLink()).toBe(true);
    }
    expect(() => lstatSync(join(directory!, 'floor', 'engine', 'node_modules'))).toThrow();
    const script = join(directory, 'entry.mjs');
    writeFileSync(
      script,
      "const { floor } = await import('@mg-floor/compare'); console.log(floor);",
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('compare dist/index.js');
  });

  it('writes the stubs anew over an earlier floor', () => {
    directory = mkdtempSync(join(tmpdir(), 'loader-floor-'));
    writeLoaderFloor(directory, packages());
    writeLoaderFloor(directory, packages(['@mg/nn']));
    const chunk = readFileSync(join(directory, 'floor', 'compare', 'dist', 'chunk-A.js'), 'utf8');
    expect(chunk).toBe(
      'import { floor as imported0 } from "@mg-floor/nn";\nexport const floor = "compare dist/chunk-A.js";\n',
    );
  });

  it('refuses a package imported from node_modules, which the floor cannot mirror', () => {
    directory = mkdtempSync(join(tmpdir(), 'loader-floor-'));
    expect(() => writeLoaderFloor(directory!, packages(['tinypool']))).toThrow(BenchmarkError);
    expect(() => writeLoaderFloor(directory!, packages(['tinypool']))).toThrow(
      "@mg/compare's dist/chunk-A.js imports 'tinypool'",
    );
  });
});

// Reads the packages' built dist, as the benchmark does.
describe('readLoadedPackages', () => {
  it('finds the files and static imports that importing each built package loads', async () => {
    const loaded = await readLoadedPackages();
    expect(loaded.map((p) => p.name)).toEqual(['engine', 'activations', 'nn', 'compare']);
    const byName = Object.fromEntries(loaded.map((p) => [p.name, p]));
    expect(byName.engine!.manifest.name).toBe('@mg/engine');
    expect(byName.engine!.files).toEqual([{ path: 'dist/index.js', imports: [] }]);
    expect(new Set(byName.nn!.files[0]!.imports)).toEqual(
      new Set(['@mg/engine', '@mg/activations']),
    );
    // @mg/compare's entry comes first; its dynamic imports (fs/promises, os, tinypool) are left out.
    const compare = byName.compare!.files;
    expect(compare[0]!.path).toBe('dist/index.js');
    const imports = compare.flatMap((f) => f.imports);
    expect(imports.filter((i) => i.startsWith('@mg/')).sort()).toEqual([
      '@mg/activations',
      '@mg/engine',
      '@mg/nn',
    ]);
    expect(imports.every((i) => i.startsWith('@mg/') || i.startsWith('./'))).toBe(true);
  });
});
