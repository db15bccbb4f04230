import type { ActivationRegistry } from '@mg/activations';
import { type RunOutcome, type RunTask, runTask } from './run-task';
import { fromWorkerError, type WorkerError } from './worker-errors';
import { warnNoWorker, workerUrl } from './worker-url';

/**
 * Runs every task and returns the outcomes in task order, whatever order they finish in, so the
 * result does not depend on the thread count. `onDone` fires in this thread as each one finishes.
 * `threads` 1 trains inline (no worker); more start a Tinypool pool, destroyed before returning.
 */
export async function executeRuns(
  tasks: readonly RunTask[],
  threads: number,
  registry: ActivationRegistry,
  onDone: (outcome: RunOutcome) => void,
): Promise<RunOutcome[]> {
  if (threads <= 1 || tasks.length <= 1) return runInline(tasks, registry, onDone);
  const filename = await workerUrl();
  if (filename === null) {
    warnNoWorker(threads);
    return runInline(tasks, registry, onDone);
  }
  // Loaded on demand: inline runs never pay for it, and the CJS build can load this ESM-only package.
  const { Tinypool } = await import('tinypool');
  const size = Math.min(threads, tasks.length);
  const pool = new Tinypool({
    filename: filename.href,
    minThreads: size,
    maxThreads: size,
  });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const outcome = (await pool.run(task)) as RunOutcome | { error: WorkerError };
        if ('error' in outcome) throw fromWorkerError(outcome.error);
        onDone(outcome);
        return outcome;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/** Every task in this thread, one after another. */
async function runInline(
  tasks: readonly RunTask[],
  registry: ActivationRegistry,
  onDone: (outcome: RunOutcome) => void,
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const task of tasks) {
    const outcome = runTask(task, registry);
    outcomes.push(outcome);
    onDone(outcome);
    // Let timers and I/O (a progress bar, Ctrl-C) run between runs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return outcomes;
}
