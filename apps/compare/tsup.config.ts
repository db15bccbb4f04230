import { defineConfig } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

// The app is a command, not a library: one ESM entry with a shebang, no types. Dependencies stay
// external (tsup's default), so vega, resvg's native binary and the fonts load from node_modules.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  clean: true,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
});
