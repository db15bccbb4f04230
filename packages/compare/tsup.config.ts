import { defineConfig } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

export default defineConfig({
  // browser: the entry without Node built-ins (`@mg/compare/browser`).
  // worker: Tinypool's script, found at run time as dist/worker.js beside dist/index.js.
  entry: ['src/index.ts', 'src/browser.ts', 'src/worker.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  clean: true,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
  // `import.meta.url` (to find dist/worker.js) in the CommonJS build too.
  shims: true,
  // Bundled (with its licence in NOTICE): loaded from node_modules it is a CommonJS module that
  // cost ~25 ms of every import of @mg/compare; bundled, its code is only parsed.
  noExternal: ['papaparse'],
});
