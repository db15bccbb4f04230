import { defineConfig, type Options } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

const shared: Options = {
  // browser: the entry without Node built-ins (`@mg/compare/browser`).
  // worker: Tinypool's script, found at run time as dist/worker.js beside dist/index.js.
  entry: ['src/index.ts', 'src/browser.ts', 'src/worker.ts'],
  dts: true,
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  // Not here: the two builds run side by side, so `pnpm build` empties dist/ before.
  clean: false,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
  // Whitespace and comments out (identifiers kept): less text for V8 to scan at every import.
  minifyWhitespace: true,
  // Bundled (with its licence in NOTICE): loaded from node_modules it is a CommonJS module that
  // cost ~25 ms of every import of @mg/compare; bundled, its code is only parsed.
  noExternal: ['papaparse'],
};

export default defineConfig([
  // ESM without shims: its `import.meta.url` is native, and the shims' `import 'path'` and
  // `import 'url'` would land in the chunk that dist/browser.js shares, breaking it in browsers.
  { ...shared, format: ['esm'], shims: false },
  // CommonJS with shims: `import.meta.url` (to find dist/worker.js) in the CommonJS build too.
  { ...shared, format: ['cjs'], shims: true },
]);
