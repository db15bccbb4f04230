import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { BenchmarkError } from './errors';
import { importedPackages } from './fresh-kinds';

/** The stub packages' scope: `@mg/engine`'s stub is `@mg-floor/engine`. */
export const floorScope = '@mg-floor';

/** One file of a package as Node loads it on `import`: its path and its static imports. */
export interface LoadedFile {
  /** Relative to the package's directory, e.g. `dist/index.js`. */
  path: string;
  /** Its static imports as written: `@mg/engine`, `./chunk-X.js`, `node:os`. */
  imports: string[];
}

/** One package's files reached by static imports from its main ESM entry, the entry first. */
export interface LoadedPackage {
  name: (typeof importedPackages)[number];
  /** Its package.json, as published. */
  manifest: Record<string, unknown>;
  files: LoadedFile[];
}

const require = createRequire(import.meta.url);

/**
 * Reads what `import '@mg/<name>'` loads from the built packages: each package's package.json and
 * the files its main ESM entry reaches by static imports (esbuild's metafile of the built `dist`;
 * dynamic imports are left out: they load on first use, not at import).
 */
export async function readLoadedPackages(): Promise<LoadedPackage[]> {
  const { build } = await import('esbuild');
  const packages: LoadedPackage[] = [];
  for (const name of importedPackages) {
    const manifestPath = require.resolve(`@mg/${name}/package.json`);
    const directory = dirname(manifestPath);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    const entry = mainEntry(manifest, name);
    const { metafile } = await build({
      entryPoints: [join(directory, entry)],
      absWorkingDir: directory,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    });
    const staticImports = (path: string) =>
      metafile.inputs[path]!.imports.filter((i) => i.kind === 'import-statement');
    // esbuild lists every input, dynamic imports' too: walk the static edges from the entry.
    const files: LoadedFile[] = [];
    const queue = [normalize(entry)];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (files.some((f) => f.path === path)) continue;
      const imports = staticImports(path);
      files.push({ path, imports: imports.map((i) => i.original ?? i.path) });
      for (const i of imports) if (!i.external) queue.push(i.path);
    }
    packages.push({ name, manifest, files });
  }
  return packages;
}

/**
 * Writes the loader-floor stubs into `outDir` (the fresh-process kind `floor`): one package per
 * package of ours, `@mg-floor/<name>`, with our package.json (renamed) and the same files at the
 * same paths importing each other as ours do, each exporting one constant and nothing else. Laid
 * out as pnpm lays out ours: the packages under `floor/`, each with a `node_modules/@mg-floor`
 * of symbolic links to the stubs it imports, and `node_modules/@mg-floor` beside the fresh-process
 * script. So an import of the four stubs costs what Node's module loader alone costs for ours:
 * resolving the same package names through the same `exports` maps, reading and linking the same
 * number of files.
 */
export function writeLoaderFloor(outDir: string, packages: readonly LoadedPackage[]): void {
  const floorDir = join(outDir, 'floor');
  const scopeDir = join(outDir, 'node_modules', floorScope);
  rmSync(floorDir, { recursive: true, force: true });
  rmSync(scopeDir, { recursive: true, force: true });
  for (const { name, manifest, files } of packages) {
    const packageDir = join(floorDir, name);
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(
      join(packageDir, 'package.json'),
      `${JSON.stringify({ ...manifest, name: `${floorScope}/${name}` }, null, 2)}\n`,
    );
    const dependencies = new Set<string>();
    for (const file of files) {
      const lines = file.imports.map((specifier, index) => {
        const stub = stubSpecifier(specifier, name, file.path);
        if (stub.startsWith(`${floorScope}/`)) dependencies.add(stub.slice(floorScope.length + 1));
        // A named import of the stub's one export; a built-in is imported for its side effects.
        return stub.startsWith('node:')
          ? `import ${JSON.stringify(stub)};`
          : `import { floor as imported${index} } from ${JSON.stringify(stub)};`;
      });
      mkdirSync(dirname(join(packageDir, file.path)), { recursive: true });
      writeFileSync(
        join(packageDir, file.path),
        `${[...lines, `export const floor = ${JSON.stringify(`${name} ${file.path}`)};`].join('\n')}\n`,
      );
    }
    for (const dependency of dependencies) {
      link(join(floorDir, dependency), join(packageDir, 'node_modules', floorScope, dependency));
    }
    link(packageDir, join(scopeDir, name));
  }
}

/** The stub's import for one of ours: `@mg/x` → `@mg-floor/x`; relative files and `node:` as they are. */
function stubSpecifier(specifier: string, name: string, path: string): string {
  if (specifier.startsWith('@mg/')) return `${floorScope}/${specifier.slice(4)}`;
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return specifier;
  throw new BenchmarkError(
    `writeLoaderFloor: @mg/${name}'s ${path} imports '${specifier}' at load time; the loader floor mirrors only imports of @mg packages, relative files and node: built-ins`,
  );
}

/** The file `import '@mg/<name>'` loads: `exports['.'].import.default`. */
function mainEntry(manifest: Record<string, unknown>, name: string): string {
  const exports = manifest.exports as
    | Record<string, { import?: { default?: unknown } } | undefined>
    | undefined;
  const entry = exports?.['.']?.import?.default;
  if (typeof entry !== 'string') {
    throw new BenchmarkError(
      `readLoadedPackages: expected @mg/${name}'s package.json to have exports['.'].import.default, got ${JSON.stringify(exports?.['.'])}`,
    );
  }
  return entry;
}

/** `./dist/index.js` → `dist/index.js`, as esbuild's metafile names it. */
function normalize(path: string): string {
  return path.replace(/^\.\//, '');
}

/** A relative symbolic link to a directory (a junction on Windows, which needs no privilege). */
function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(relative(dirname(path), target), path, 'junction');
}
