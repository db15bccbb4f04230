import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The BUILT command; turbo builds the app before its tests (`@mg/compare-cli#test`). */
export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Fails early with a clear message when the command was not built. */
export function assertBuilt(): void {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run 'pnpm --filter @mg/compare-cli build' first`);
  }
}

/** What one run of the command did. */
export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Time-outs for tests that start the command, sized for a busy 2-core machine, so that a test
 * fails on a hang and never on slowness. Alone, starting the command and answering (help, an
 * error) takes about 0.3 s and a short training run with its chart about 2 s; with the rest of the
 * suite and other work beside it either can take many times longer.
 */
export const timeouts = {
  /** One command that starts and answers without training. */
  answer: 60_000,
  /** One command that trains a few networks and renders the chart. */
  run: 240_000,
};

/**
 * Runs `node dist/cli.js ...args` in `cwd`, with pipes (not a terminal) for its output; kills it
 * after `timeout` ms (a status of null then fails the caller's assertions with its stderr).
 */
export function runCli(args: readonly string[], cwd: string, timeout = timeouts.run): CommandRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MG_COMPARE_DEBUG: '' },
    timeout,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `node dist/cli.js ...args` in `cwd` without waiting; stdio as `spawn` takes it. */
export function startCli(
  args: readonly string[],
  cwd: string,
  stdio: ('pipe' | 'ignore')[] = ['ignore', 'pipe', 'pipe'],
): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: { ...process.env, MG_COMPARE_DEBUG: '' },
    stdio,
  });
}

/** How a started command ended: its exit code, or the signal that ended it. */
export function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Every file and directory under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Checks the PNG signature and the IHDR chunk; returns the image's width and height. */
export function readPngSize(png: Uint8Array): { width: number; height: number } {
  if (!pngSignature.every((byte, i) => png[i] === byte)) throw new Error('not a PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunkType = String.fromCharCode(...png.subarray(12, 16));
  if (view.getUint32(8) !== 13 || chunkType !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
