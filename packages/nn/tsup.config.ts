import { defineConfig } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  clean: true,
  target: 'node20',
  // Whitespace and comments out (identifiers kept): less text for V8 to scan at every import.
  minifyWhitespace: true,
  // Bundled (its licence in NOTICE): two small modules, which from node_modules cost two more
  // files and package resolutions at every import.
  noExternal: [/^pure-rand\//],
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
});
