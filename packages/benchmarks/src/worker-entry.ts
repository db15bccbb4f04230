import type { ImplementationId, WorkloadId } from './results';
import { readSettings } from './settings';
import { runCase } from './worker';

/**
 * Child-process entry: `node --expose-gc --import tsx src/worker-entry.ts <workload> <implementation>`.
 * Sends `{ ok: true, result }` or `{ ok: false, error }` to the parent over IPC, or prints it as
 * JSON when run by hand. Reads the BENCH_* settings (see `settings.ts`).
 */
const [workload, implementation] = process.argv.slice(2) as [WorkloadId, ImplementationId];

function reply(message: unknown): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

try {
  const { warmups, repeats } = readSettings(process.env);
  const result = await runCase(workload, implementation, { warmups, repeats });
  reply({ ok: true, result });
} catch (error) {
  reply({
    ok: false,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exitCode = 1;
}
