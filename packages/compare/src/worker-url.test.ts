import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerUrl } from './worker-url';

describe('workerUrl', () => {
  it('finds the built worker from the TypeScript source (turbo builds before testing)', async () => {
    const url = (await workerUrl())!;
    expect(fileURLToPath(url)).toMatch(/packages\/compare\/dist\/worker\.js$/);
    expect(existsSync(url)).toBe(true);
  });

  it('prefers worker.js beside the bundle', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mg-compare-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'worker.js'), '');
    const url = await workerUrl(pathToFileURL(join(root, 'dist', 'index.js')).href);
    expect(fileURLToPath(url!)).toBe(join(root, 'dist', 'worker.js'));
  });

  it('gives null when there is no worker script (a bundled consumer)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mg-compare-'));
    expect(await workerUrl(pathToFileURL(join(root, 'src', 'index.ts')).href)).toBeNull();
  });
});
