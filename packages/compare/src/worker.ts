import { type RunOutcome, type RunTask, runTask } from './run-task';

/** Tinypool's entry point (built to dist/worker.js): trains one run with the default registry. */
export default function worker(task: RunTask): RunOutcome {
  return runTask(task);
}
