import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `node --expose-gc --import tsx src/<entry> …args` in a fresh process (its own heap and peak
 * RSS) and resolves with the JSON on the last line it printed, or with its error output. Never
 * rejects, so one failed measurement does not lose the rest.
 */
export function runJsonChild<T>(
  entry: string,
  args: readonly string[],
): Promise<{ ok: true; result: T } | { ok: false; error: string }> {
  const file = fileURLToPath(new URL(`./${entry}`, import.meta.url));
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', file, ...args],
      { cwd, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) resolve({ ok: false, error: `${error.message}\n${stderr}`.trim() });
        else resolve({ ok: true, result: JSON.parse(stdout.trim().split('\n').at(-1)!) as T });
      },
    );
  });
}
