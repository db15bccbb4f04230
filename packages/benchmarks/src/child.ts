import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CaseResult, ImplementationId, WorkloadId } from './results';
import type { CaseOutcome } from './summary';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

type WorkerMessage = { ok: true; result: CaseResult } | { ok: false; error: string };

/**
 * Runs one case in a fresh `node --expose-gc --import tsx` child process (its own heap, JIT
 * state and peak RSS) and resolves with its result, or with a failure carrying its error output.
 * Never rejects, so one broken case does not lose the others.
 */
export function runInChild(
  workload: WorkloadId,
  implementation: ImplementationId,
): Promise<CaseOutcome> {
  return new Promise((resolve) => {
    const child = fork(entry, [workload, implementation], {
      cwd: packageDir,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let message: WorkerMessage | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('message', (m) => {
      message = m as WorkerMessage;
    });
    child.on('error', (error) => {
      resolve({ workload, implementation, error: error.stack ?? error.message });
    });
    child.on('exit', (code, signal) => {
      if (message?.ok) resolve(message.result);
      else {
        const reason =
          message?.error ?? `exited with code ${code}${signal ? `, signal ${signal}` : ''}`;
        resolve({ workload, implementation, error: `${reason}\n${stderr}`.trim() });
      }
    });
  });
}
