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
    build.onResolve({ filter: /^@stdlib\/[^/]+$/ }, ({ path, importer, resolveDir }) => {
      const require = createRequire(importer || join(resolveDir, 'index.js'));
      const entry = require.resolve(path);
      const main = join(dirname(entry), 'main.js');
      const attaches = /\bsetReadOnly\(/.test(readFileSync(entry, 'utf8'));
      return existsSync(main) && !attaches ? { path: main } : undefined;
    });
  },
};

export default defineConfig({
  // The testing kit is a separate entry so `@mg/activations` never loads it.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // NOTE: shared code (ActivationError, defineActivation) goes into one chunk per format; without
  // splitting, the CJS testing entry would carry its own copy and `instanceof` would break.
  splitting: true,
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
  // Each stdlib package's implementation, not its entry's feature detection (see the plugin).
  esbuildPlugins: [stdlibMainFiles],
});
