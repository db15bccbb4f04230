import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { workspaceSourceAliases } from '../../../vitest.shared.ts';

const nodeBuiltins = new Set(builtinModules);

/**
 * Bundles `source` for the browser platform from the packages' TypeScript sources and returns the
 * Node built-ins it reached (`node:os`, `fs`, …), with the file that imported each.
 */
async function nodeImportsOf(source: string): Promise<string[]> {
  const found: string[] = [];
  const plugin: Plugin = {
    name: 'workspace-sources-and-node-watch',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        const alias = workspaceSourceAliases.find(({ find }) => find.test(args.path));
        if (alias) return { path: alias.replacement };
        const bare = args.path.replace(/^node:/, '');
        if (args.path.startsWith('node:') || nodeBuiltins.has(bare.split('/')[0]!)) {
          found.push(`${args.path} (imported by ${args.importer || 'the entry'})`);
          return { path: args.path, external: true };
        }
        return undefined;
      });
    },
  };
  await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [plugin],
  });
  return found;
}

describe('the packages in a browser', () => {
  it('bundle engine, activations, nn and @mg/compare/browser with no Node built-in', async () => {
    const imports = await nodeImportsOf(
      [
        "export * from '@mg/engine';",
        "export * from '@mg/activations';",
        "export * from '@mg/nn';",
        "export * from '@mg/compare/browser';",
      ].join('\n'),
    );
    expect(imports).toEqual([]);
  }, 120_000);

  it('bundle from the built dist/browser.js with no Node built-in (build helpers included)', async () => {
    // The build's shared chunks are what a bundler gets from `@mg/compare/browser`; a bundler's
    // shims landing in one of them once made the entry import 'path' and 'url'.
    expect(existsSync(new URL('../dist/browser.js', import.meta.url))).toBe(true);
    expect(await nodeImportsOf("export * from '../dist/browser.js';")).toEqual([]);
  }, 60_000);

  it("reach Node built-ins through @mg/compare's root entry (the check can fail)", async () => {
    const imports = await nodeImportsOf("export * from '@mg/compare';");
    expect(imports.some((line) => line.startsWith('node:os'))).toBe(true);
  }, 120_000);
});
