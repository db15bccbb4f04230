import { defineConfig } from 'tsup';

export default defineConfig({
  // The testing kit is a separate entry so `@mg/activations` never loads it.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // NOTE: shared code (ActivationError, defineActivation) goes into one chunk per format; without
  // splitting, the CJS testing entry would carry its own copy and `instanceof` would break.
  splitting: true,
  sourcemap: true,
  clean: true,
  // Class names appear in error messages ('an instance of MLP'); minified names would not.
  keepNames: true,
  target: 'node20',
});
