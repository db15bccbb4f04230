import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * tsup's `onSuccess` for every package: makes the source maps in `dist/` hold no path of the
 * machine that built them. tsup's CommonJS code splitting (activations) lists each chunk's own
 * absolute path among its sources, and `shims: true` (compare) lists tsup's shim file by its path
 * in the pnpm store. Sources inside the package become paths relative to the map; sources outside
 * it keep only their name within node_modules (`tsup/assets/cjs_shims.js`). Every map carries its
 * sources' text (`sourcesContent`), so a debugger still shows them.
 * `scripts/check-source-maps.mjs` (in `pnpm check:packages`) checks the result.
 */
export async function portableSourceMaps(): Promise<void> {
  const packageDir = process.cwd();
  const dist = join(packageDir, 'dist');
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.map')) continue;
    const file = join(entry.parentPath, entry.name);
    let map: { sources?: string[]; sourceRoot?: string };
    try {
      map = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Being written by a build running beside this one (compare builds ESM and CommonJS side
      // by side); that build's own onSuccess handles it.
      continue;
    }
    const sources = (map.sources ?? []).map((source) =>
      portableSource(source, entry.parentPath, packageDir),
    );
    const changed = sources.some((source, i) => source !== map.sources?.[i]) || map.sourceRoot;
    if (!changed) continue;
    map.sources = sources;
    delete map.sourceRoot;
    writeFileSync(file, JSON.stringify(map));
  }
}

function portableSource(source: string, mapDir: string, packageDir: string): string {
  const path = isAbsolute(source) ? source : resolve(mapDir, source);
  const fromPackage = relative(packageDir, path);
  if (!fromPackage.startsWith('..') && !isAbsolute(fromPackage)) {
    return relative(mapDir, path).split(sep).join('/');
  }
  const slashed = path.split(sep).join('/');
  const inModules = slashed.lastIndexOf('/node_modules/');
  return inModules >= 0 ? slashed.slice(inModules + '/node_modules/'.length) : basename(path);
}
