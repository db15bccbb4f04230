import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { gelu } from '../src/gelu';

// The build bundles stdlib's erfc from each package's implementation file rather than its entry,
// read as ES modules (tsup.config.ts: stdlibMainFiles, stdlibAsEsm). This checks the built gelu,
// in both module formats, against the source's, whose erfc comes from node_modules through the
// entries: the same numbers, bit for bit. (turbo builds the package before testing it.)
const esmFile = new URL('../dist/index.js', import.meta.url);
const cjsFile = new URL('../dist/index.cjs', import.meta.url);
const builds = {
  esm: ((await import(esmFile.href)) as { gelu: typeof gelu }).gelu,
  cjs: (createRequire(import.meta.url)(cjsFile.pathname) as { gelu: typeof gelu }).gelu,
};

// Every branch of erfc (|x| below 0.84375, to 1.25, to 1/0.35, to 6, to 28, beyond) on both
// sides, through gelu's x·½erfc(−x/√2), and the special values.
const points: number[] = [0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 1e300, -1e300];
for (let x = -45; x <= 45; x += 0.0137) points.push(x, x * 1e-9);
points.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

describe.each(Object.entries(builds))('the built gelu (bundled erfc), %s', (_, built) => {
  it('matches the source gelu bit for bit, values and derivatives', () => {
    const differences = points.filter((x) => {
      const y = gelu.forward(x);
      return (
        !Object.is(built.forward(x), y) || !Object.is(built.derivative(x, y), gelu.derivative(x, y))
      );
    });
    expect(differences).toEqual([]);
  });
});

describe('the bundled stdlib code', () => {
  it.each([
    ['esm', esmFile],
    ['cjs', cjsFile],
  ])(
    'is hoisted as ES modules in the %s build: no CommonJS wrappers, no string formatting',
    (_, file) => {
      const code = readFileSync(file, 'utf8');
      expect(code).toContain('function erfc(');
      // esbuild's CommonJS emulation keys each wrapped file by its path in node_modules.
      expect(code).not.toContain('__commonJS');
      expect(code).not.toContain('node_modules');
      // The defineProperty polyfill's error messages pulled in stdlib's printf; the built-in is used.
      expect(code).not.toContain('function formatInterpolate');
    },
  );
});
