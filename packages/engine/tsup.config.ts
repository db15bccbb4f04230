import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Class names appear in error messages ('an instance of MLP'); minified names would not.
  keepNames: true,
  target: 'node20',
});
