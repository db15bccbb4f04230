import type { ImplementationId, WorkloadId } from './results';
import { type LockstepReply, serveRuns } from './serve-runs';
import { readSettings } from './settings';
import { mlpWorkload, runCase } from './worker';

/**
 * Child-process entry: `node --expose-gc --import tsx src/worker-entry.ts <workload> <implementation>`.
 * Sends `{ ok: true, result }` or `{ ok: false, error }` to the parent over IPC, or prints it as
 * JSON when run by hand. Reads the BENCH_* settings (see `settings.ts`). With a third argument
 * `lockstep` (MLP workloads, over IPC only), it times one run per request instead (see
 * `lockstep.ts`).
 */
const [workload, implementation, mode] = process.argv.slice(2) as [
  WorkloadId,
  ImplementationId,
  string | undefined,
];

function reply(message: unknown): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

const { warmups, repeats } = readSettings(process.env);
if (mode === 'lockstep') {
  const send = (message: LockstepReply) => reply(message);
  try {
    await serveRuns(mlpWorkload(workload, 'lockstep'), implementation, warmups, send);
    process.disconnect?.();
  } catch (error) {
    send({ kind: 'error', error: describe(error) });
    process.exitCode = 1;
    process.disconnect?.();
  }
} else {
  try {
    const result = await runCase(workload, implementation, { warmups, repeats });
    reply({ ok: true, result });
  } catch (error) {
    reply({ ok: false, error: describe(error) });
    process.exitCode = 1;
  }
}
