import { defineConfig } from 'tsup';

// The app is a command, not a library: one ESM entry with a shebang, no types. Dependencies stay
// external (tsup's default), so vega, resvg's native binary and the fonts load from node_modules.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: true,
  clean: true,
  // Class names appear in error messages ('an instance of MLP'); minified names would not.
  keepNames: true,
  target: 'node20',
});
