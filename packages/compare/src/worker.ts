import { type RunOutcome, type RunTask, runTask } from './run-task';
import { toWorkerError, type WorkerError } from './worker-errors';

/**
 * Tinypool's entry point (built to dist/worker.js): trains one run with the default registry. A
 * failure is returned as data, not thrown, so that it reaches the caller with its class and fields.
 */
export default function worker(task: RunTask): RunOutcome | { error: WorkerError } {
  try {
    return runTask(task);
  } catch (error) {
    return { error: toWorkerError(error) };
  }
}
