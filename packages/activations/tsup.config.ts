import { defineConfig } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

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
  // Bundled, not loaded from node_modules: stdlib's erfc is 53 packages of CommonJS, ~90 ms to
  // load; bundled it costs about a millisecond. Its licence notices ship in NOTICE (see README).
  noExternal: [/^@stdlib\//],
});
