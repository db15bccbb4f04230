import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The testing entry is built on its own and imports the package by name (tsup.config.ts): one
// ActivationError class, whichever entry a user imports it from, in both module formats.
// (turbo builds the package before testing it.)
const main = new URL('../dist/index', import.meta.url).href;
const testing = new URL('../dist/testing/index', import.meta.url).href;

// An activation whose derivative is wrong, checked by the testing entry: what it throws, and
// whether that is an ActivationError of the main entry.
const check = `
  const activation = main.defineActivation({
    name: 'wrongSlope',
    description: 'identity with a wrong derivative',
    reference: 'https://example.org',
    forward: (x) => x,
    derivative: () => 2,
  });
  try { testing.assertActivation(activation); } catch (error) {
    console.log(JSON.stringify([error.name, error instanceof main.ActivationError]));
  }`;

function run(script: string, ...flags: string[]): unknown {
  const output = execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  return JSON.parse(output);
}

// In child processes: vitest's aliases would send the testing entry's `@mg/activations` to the
// TypeScript source.
describe('the built entries', () => {
  it('share ActivationError in the ES module build', () => {
    const script = `const main = await import('${main}.js');
      const testing = await import('${testing}.js');${check}`;
    expect(run(script, '--input-type=module')).toEqual(['ActivationCheckError', true]);
  }, 60_000);

  it('share ActivationError in the CommonJS build', () => {
    const require = createRequire(import.meta.url);
    const script = `const main = require(${JSON.stringify(require.resolve('../dist/index.cjs'))});
      const testing = require(${JSON.stringify(require.resolve('../dist/testing/index.cjs'))});${check}`;
    expect(run(script)).toEqual(['ActivationCheckError', true]);
  }, 60_000);
});
