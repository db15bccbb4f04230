import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * An esbuild plugin for tsup: bundles each `@stdlib/*` package's implementation file
 * (`lib/main.js`) instead of its entry (`lib/index.js`) where the two export the same thing. Most
 * entries only pick between a built-in and a polyfill at import time (typed arrays, property
 * definitions), which pulls in stdlib's feature-detection packages. An entry that attaches a
 * method (`setReadOnly(main, 'assign', ...)`: `toWords.assign`, which ldexp calls) is kept.
 * erfc's code paths stay exactly stdlib's; the bundled packages go from 53 to 37.
 * `test/bundled-gelu.test.ts` checks the built gelu against the one from node_modules.
 */
const stdlibMainFiles: Plugin = {
  name: 'stdlib-main-files',
  setup(build) {
    build.onResolve({ filter: /^@stdlib\/[^/]+$/ }, ({ path, resolveDir }) => {
      const require = createRequire(join(resolveDir, 'importer.js'));
      const entry = require.resolve(path);
      const main = join(dirname(entry), 'main.js');
      const attaches = /\bsetReadOnly\(/.test(readFileSync(entry, 'utf8'));
      return existsSync(main) && !attaches ? { path: main } : undefined;
    });
  },
};

/**
 * An esbuild plugin for tsup: gelu's `import erfc from '@stdlib/math-base-special-erfc'` gets a
 * function that loads the bundled stdlib code on its first call. esbuild wraps CommonJS modules in
 * functions and runs them when imported; deferred, `import '@mg/activations'` no longer compiles
 * and runs erfc's 67 module functions (about a third of the package's import cost), and a program
 * that never calls gelu never pays for them. Same function, same results.
 */
const lazyErfc: Plugin = {
  name: 'lazy-erfc',
  setup(build) {
    build.onResolve({ filter: /^@stdlib\/math-base-special-erfc$/ }, ({ path, namespace }) =>
      namespace === 'file' ? { path, namespace: 'lazy-erfc' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-erfc' }, () => ({
      contents: `var erfc;
module.exports = function lazyErfc(x) {
  return (erfc !== undefined ? erfc : (erfc = require('@stdlib/math-base-special-erfc')))(x);
};`,
      resolveDir: import.meta.dirname,
      loader: 'js',
    }));
  },
};

export default defineConfig({
  // The testing kit is a separate entry so `@mg/activations` never loads it.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // NOTE: the testing entry imports the package by its own name (external below), so
  // ActivationError exists once and `instanceof` holds across the two entries, and
  // `import '@mg/activations'` loads one file, not a file and a shared chunk.
  splitting: false,
  external: ['@mg/activations'],
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  clean: true,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
  // Whitespace and comments out (identifiers kept): less text for V8 to scan at every import.
  minifyWhitespace: true,
  // Bundled, not loaded from node_modules: stdlib's erfc is 53 packages of CommonJS, ~90 ms to
  // load; bundled it costs about a millisecond. Its licence notices ship in NOTICE (see README).
  noExternal: [/^@stdlib\//],
  // erfc loaded on gelu's first call; each stdlib package's implementation, not its entry's
  // feature detection (see the plugins).
  esbuildPlugins: [lazyErfc, stdlibMainFiles],
});
