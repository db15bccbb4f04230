import { BenchmarkError } from './errors';
import type { ImplementationId, WorkloadId } from './results';
import { defaultSetupWidth } from './setup-cost';

/** The knobs read from the environment; every child process reads the same ones. */
export interface BenchSettings {
  /** BENCH_WARMUPS: untimed runs before the timed ones (default: per workload, see `workloads.ts`). */
  warmups: number | undefined;
  /** BENCH_PROCESSES: fresh processes per case of workload A, runs pooled (default 5). */
  processes: number;
  /** BENCH_FRESH_ROUNDS: rounds of fresh processes (start, import, train A; default 15). */
  freshRounds: number;
  /** BENCH_REPEATS: timed runs per case (default: per workload and implementation, see `workloads.ts`). */
  repeats: number | undefined;
  /**
   * BENCH_ONLY: a comma-separated selection such as `A,B:tfjs,C:eager,fresh,scaling` (a workload,
   * a workload and an implementation, `fresh` for the fresh processes, `scaling` for the scaling
   * table and the setup cost, `setup` for the setup cost alone); everything when unset.
   */
  only: readonly string[] | undefined;
  /**
   * BENCH_SETUP_WIDTH: the width w of the setup-cost network, w inputs, w tanh neurons, one
   * output: w·(w + 1) + w + 1 parameters (default 1000: about a million).
   */
  setupWidth: number;
}

/** Reads {@link BenchSettings} from `env`; a malformed value is an error, not a silent default. */
export function readSettings(env: Readonly<Record<string, string | undefined>>): BenchSettings {
  const only = env.BENCH_ONLY?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return {
    warmups: readCount(env, 'BENCH_WARMUPS', 0),
    processes: readCount(env, 'BENCH_PROCESSES', 1) ?? 5,
    freshRounds: readCount(env, 'BENCH_FRESH_ROUNDS', 1) ?? 15,
    repeats: readCount(env, 'BENCH_REPEATS', 1),
    only: only === undefined || only.length === 0 ? undefined : only,
    setupWidth: readCount(env, 'BENCH_SETUP_WIDTH', 1) ?? defaultSetupWidth,
  };
}

/** Whether the BENCH_ONLY selection includes this case. */
export function isSelected(
  settings: BenchSettings,
  workload: WorkloadId,
  implementation: ImplementationId,
): boolean {
  return (
    settings.only === undefined ||
    settings.only.includes(workload) ||
    settings.only.includes(`${workload}:${implementation}`)
  );
}

function readCount(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  least: number,
): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const count = Number(text);
  if (!Number.isInteger(count) || count < least) {
    throw new BenchmarkError(
      `Environment variable ${name} must be a whole number >= ${least}, but got '${text}'`,
    );
  }
  return count;
}
