import { defineConfig, type Options } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * An esbuild plugin: `import Papa from 'papaparse'` gets an object whose `parse` loads the bundled
 * papaparse on its first call. esbuild runs a bundled CommonJS module when it is imported;
 * deferred, `import '@mg/compare'` only parses papaparse's code (its factory function is not
 * compiled and run until a CSV is read). It bundles papaparse's own minified build (its
 * package's `browser` file; same version, same code): 19 kB instead of 33 kB of `papaparse.js`.
 */
const lazyPapaparse: Plugin = {
  name: 'lazy-papaparse',
  setup(build) {
    build.onResolve({ filter: /^papaparse$/ }, ({ path, namespace }) =>
      namespace === 'file' ? { path, namespace: 'lazy-papaparse' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-papaparse' }, () => ({
      contents: `var papa;
module.exports = {
  parse: function parse(input, config) {
    if (papa === undefined) papa = require('papaparse/papaparse.min.js');
    return papa.parse(input, config);
  },
};`,
      resolveDir: import.meta.dirname,
      loader: 'js',
    }));
  },
};

const shared: Options = {
  // browser: the entry without Node built-ins (`@mg/compare/browser`).
  entry: ['src/index.ts', 'src/browser.ts'],
  dts: true,
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  // Not here: the two builds run side by side, so `pnpm build` empties dist/ before.
  clean: false,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
  // Whitespace and comments out (identifiers kept): less text for V8 to scan at every import.
  minifyWhitespace: true,
  // Bundled (with its licence in NOTICE): loaded from node_modules it is a CommonJS module that
  // cost ~25 ms of every import of @mg/compare; bundled, its code is only parsed.
  // pure-rand too (its licence in NOTICE): two small modules, which from node_modules cost two more
  // files and package resolutions at every import.
  noExternal: ['papaparse', /^pure-rand\//],
  esbuildPlugins: [lazyPapaparse],
};

// worker: Tinypool's script, found at run time as dist/worker.js beside dist/index.js. Built on
// its own, so that the two entries share one chunk: `import '@mg/compare'` reads index.js and that
// chunk, not three chunks (a worker thread has its own copy of every class anyway).
const worker: Options = { ...shared, entry: ['src/worker.ts'], dts: false };

export default defineConfig([
  // ESM without shims: its `import.meta.url` is native, and the shims' `import 'path'` and
  // `import 'url'` would land in the chunk that dist/browser.js shares, breaking it in browsers.
  { ...shared, format: ['esm'], shims: false },
  { ...worker, format: ['esm'], shims: false },
  // CommonJS with shims: `import.meta.url` (to find dist/worker.js) in the CommonJS build too.
  { ...shared, format: ['cjs'], shims: true },
  { ...worker, format: ['cjs'], shims: true },
]);
