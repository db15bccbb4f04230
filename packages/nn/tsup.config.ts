import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Without it esbuild names the class `_MLP` (it refers to itself), and errors would say
  // "an instance of _MLP".
  keepNames: true,
});
