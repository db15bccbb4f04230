import { defineConfig } from 'tsup';

export default defineConfig({
  // worker: Tinypool's script, found at run time as dist/worker.js beside dist/index.js.
  entry: ['src/index.ts', 'src/worker.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Class names appear in error messages ('an instance of MLP'); minified names would not.
  keepNames: true,
  target: 'node20',
  // `import.meta.url` (to find dist/worker.js) in the CommonJS build too.
  shims: true,
});
