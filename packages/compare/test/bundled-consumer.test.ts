import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

describe('a consumer that bundles @mg/compare into one file', () => {
  it('asks for worker threads and still gets its comparison, with a one-line warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-compare-bundle-'));
    const entry = join(dir, 'consumer.mjs');
    writeFileSync(
      entry,
      [
        `import { runComparison } from ${JSON.stringify(dist)};`,
        "const result = await runComparison({ activations: ['relu', 'tanh'], epochs: 3, threads: 2 });",
        'console.log(JSON.stringify([result.config.threads, ...result.results.map((r) => r.mean.length)]));',
      ].join('\n'),
    );
    const outfile = join(dir, 'bundle.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'silent',
      // CommonJS dependencies inside an ESM bundle call require for Node built-ins.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8', timeout: 100_000 });
    expect(run.stderr).not.toMatch(/pnpm|--filter|build the package/i);
    expect(run.status).toBe(0);
    // One thread used, as reported, and every epoch trained.
    expect(run.stdout.trim()).toBe('[1,3,3]');
    const warnings = run.stderr.split('\n').filter((line) => line.includes('MG_COMPARE_NO_WORKER'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('training in the calling thread');
  }, 120_000);
});
