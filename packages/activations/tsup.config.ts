import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { portableSourceMaps } from '../../tsup.shared.ts';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * An esbuild plugin for tsup: bundles each `@stdlib/*` package's implementation file
 * (`lib/main.js`) instead of its entry (`lib/index.js`) where the two export the same thing. Most
 * entries only pick between a built-in and a polyfill at import time (typed arrays, property
 * definitions), which pulls in stdlib's feature-detection packages. An entry that attaches a
 * method (`setReadOnly(main, 'assign', ...)`: `toWords.assign`, which ldexp calls) is kept; an
 * entry without `main.js` that picks `builtin.js` or `polyfill.js` gives the built-in.
 * erfc's code paths stay exactly stdlib's.
 * `test/bundled-gelu.test.ts` checks the built gelu against the one from node_modules.
 */
const stdlibMainFiles: Plugin = {
  name: 'stdlib-main-files',
  setup(build) {
    build.onResolve({ filter: /^@stdlib\/[^/]+$/ }, ({ path, resolveDir }) => {
      const require = createRequire(join(resolveDir, 'importer.js'));
      const entry = require.resolve(path);
      const main = join(dirname(entry), 'main.js');
      const attaches = /\bsetReadOnly\(/.test(readFileSync(entry, 'utf8'));
      if (existsSync(main) && !attaches) return { path: main };
      // An entry that picks `builtin.js` or `polyfill.js` by feature detection
      // (`Object.defineProperty`, which Node 20 and every browser have): the built-in.
      const builtin = join(dirname(entry), 'builtin.js');
      return existsSync(builtin) && existsSync(join(dirname(entry), 'polyfill.js'))
        ? { path: builtin }
        : undefined;
    });
  },
};

/**
 * An esbuild plugin for tsup: reads stdlib's CommonJS files as the ES modules they amount to.
 * stdlib writes every file the same way (`var x = require( 'y' );`, `var x = require( 'y' ).assign;`,
 * `module.exports = x;`), so those lines become `import` and `export default` statements and
 * nothing else changes: the same functions, constants and code paths. As ES modules esbuild
 * hoists them into the package's scope, without one wrapper function and file-path key per file
 * and without the helpers that emulate CommonJS (a third of the bundle's bytes, all of which V8
 * had to scan at every import). A file written any other way fails the build, so a new stdlib
 * version cannot slip through half converted.
 */
const stdlibAsEsm: Plugin = {
  name: 'stdlib-as-esm',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@stdlib[\\/].*\.js$/ }, ({ path }) => {
      const contents = readFileSync(path, 'utf8')
        .replace(
          /^var (\w+) = require\( '([^']+)' \)(\.\w+)?;(\s*\/\/.*)?$/gm,
          (_, name, from, key) =>
            key === undefined
              ? `import ${name} from '${from}';`
              : `import ${name}$module from '${from}';\nvar ${name} = ${name}$module${key};`,
        )
        .replace(/^module\.exports = (\w+);(\s*\/\/.*)?$/m, 'export default $1;');
      // Outside comments (stdlib's doc comments show `require` in their examples).
      const code = contents.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const leftover = /\brequire\s*\(|\bmodule\.exports\b|\bexports\./.exec(code);
      if (leftover !== null) {
        throw new Error(
          `stdlib-as-esm: ${path} uses CommonJS in a way it does not convert: '${leftover[0]}'`,
        );
      }
      return { contents, loader: 'js' };
    });
  },
};

export default defineConfig({
  // The testing kit is a separate entry so `@mg/activations` never loads it.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // NOTE: the testing entry imports the package by its own name (external below), so
  // ActivationError exists once and `instanceof` holds across the two entries, and
  // `import '@mg/activations'` loads one file, not a file and a shared chunk.
  splitting: false,
  external: ['@mg/activations'],
  sourcemap: true,
  // Source maps without the build machine's paths (see tsup.shared.ts).
  onSuccess: portableSourceMaps,
  clean: true,
  // No keepNames: redefining every class's name slows V8's `instanceof` several times over.
  // Class names are kept by not naming a class inside its own body (scripts/check-export-names.mjs).
  target: 'node20',
  // Whitespace and comments out (identifiers kept): less text for V8 to scan at every import.
  minifyWhitespace: true,
  // Bundled, not loaded from node_modules: stdlib's erfc is 53 packages of CommonJS, ~90 ms to
  // load; bundled it costs about a millisecond. Its licence notices ship in NOTICE (see README).
  noExternal: [/^@stdlib\//],
  // Each stdlib package's implementation, not its entry's feature detection, read as ES modules
  // (see the plugins).
  esbuildPlugins: [stdlibMainFiles, stdlibAsEsm],
});
