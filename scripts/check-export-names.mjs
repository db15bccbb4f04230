// Checks that every function and class a package's build exports keeps its own name.
//
// Run from a package's directory after its build. The bundler renames a class that refers to
// itself (`var Value = class _Value`), and the names show in error messages ('an instance of
// MLP'). The bundler's keepNames option would restore them, but it does so by redefining each
// class's `name`, which makes V8's `instanceof` checks several times slower.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve('dist');
const require = createRequire(import.meta.url);
const renamed = [];
for (const file of fs.readdirSync(dist).filter((f) => /\.(js|cjs)$/.test(f))) {
  const full = path.join(dist, file);
  const exports = file.endsWith('.cjs') ? require(full) : await import(pathToFileURL(full).href);
  for (const [name, value] of Object.entries(exports)) {
    // The bundler's own helpers (`__require`, `init_esm_shims`), shared between its chunks.
    if (file.startsWith('chunk-') && /^(__|init_)/.test(name)) continue;
    if (name !== 'default' && typeof value === 'function' && value.name !== name) {
      renamed.push(`dist/${file}: export '${name}' is named '${value.name}'`);
    }
  }
}
if (renamed.length > 0) {
  console.error(
    `Exports renamed by the build (move self-references out of the class):\n${renamed.join('\n')}`,
  );
  process.exit(1);
}
console.log(`export names: ok (${path.basename(process.cwd())})`);
