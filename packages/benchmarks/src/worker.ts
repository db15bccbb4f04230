import { InvalidArgumentError } from '@mg/engine';
import { BenchmarkError } from './errors';
import { measure } from './measure';
import type { CaseResult, ImplementationId, Timing, WorkloadId } from './results';
import {
  biggerMlp,
  chainDefaultRepeats,
  chainNodes,
  defaultComparison,
  type MlpWorkload,
} from './workloads';

/** How many untimed and timed runs a case makes; `repeats` defaults per workload. */
export interface RunOptions {
  warmups?: number | undefined;
  repeats?: number;
}

type Trainer = (activationName: string, parameters: Float64Array) => ArrayLike<number>;

/**
 * Runs one (workload, implementation) in this process and measures it. Meant to run in a fresh
 * child process per case (see `run.ts`), so that its peak memory is its own and no other case's
 * JIT feedback or garbage affects it. Only the implementation's own modules are imported.
 */
export async function runCase(
  workload: WorkloadId,
  implementation: ImplementationId,
  options: RunOptions,
): Promise<CaseResult> {
  if (workload === 'C') return runChain(implementation, options);
  const spec = mlpWorkload(workload, 'runCase');
  const session = await prepareMlpCase(spec, implementation, options.warmups);
  const repeats = options.repeats ?? spec.defaultRepeats[implementation];
  const samplesMs = Array.from({ length: repeats }, () => session.run());
  return session.result(samplesMs);
}

/** The MLP workload `A` or `B`; throws for anything else. */
export function mlpWorkload(workload: WorkloadId, method: string): MlpWorkload {
  if (workload === 'A') return defaultComparison;
  if (workload === 'B') return biggerMlp;
  throw new InvalidArgumentError({
    argument: 'workload',
    method,
    expected: "'A' or 'B'",
    received: workload,
  });
}

/** An MLP case ready to be timed: warmed up, its data and initial parameters made. */
export interface MlpSession {
  /** One timed run of the whole workload (garbage is collected first), in milliseconds. */
  run(): number;
  /** The case's result, with the given timed runs and the last run's loss curves. */
  result(samplesMs: number[]): CaseResult;
}

/**
 * Prepares `implementation` of an MLP workload and runs its warm-ups (`warmups`, default per
 * workload). `runCase` times it run after run; `pnpm bench` may instead drive several sessions in
 * separate processes run by run, interleaved (see `lockstep.ts`).
 */
export async function prepareMlpCase(
  spec: MlpWorkload,
  implementation: ImplementationId,
  warmups: number | undefined = spec.defaultWarmups,
): Promise<MlpSession> {
  const trainer = await makeTrainer(spec, implementation);
  const starts = spec.activations.map((_, index) => spec.initialParameters(index));
  let curves: ArrayLike<number>[] = [];
  const train = () => {
    curves = spec.activations.map((name, index) => trainer(name, starts[index]!.slice()));
  };
  measure(train, warmups, 0);
  return {
    run: () => measure(train, 0, 1)[0]!,
    result: (samplesMs) => ({
      workload: spec.id,
      implementation,
      timings: [{ label: 'train', samplesMs }],
      losses: curves.map((curve) => Array.from(curve)),
      peakRssMb: peakRssMb(),
      warmups,
    }),
  };
}

async function makeTrainer(spec: MlpWorkload, implementation: ImplementationId): Promise<Trainer> {
  switch (implementation) {
    case 'hand-written': {
      const { getActivation } = await import('@mg/activations');
      const { trainHandWritten } = await import('./hand-written');
      return (name, parameters) => trainHandWritten(spec, getActivation(name), parameters);
    }
    case 'blocked': {
      const { getActivation } = await import('@mg/activations');
      const { trainHandWrittenBlocked } = await import('./hand-written-blocked');
      return (name, parameters) => trainHandWrittenBlocked(spec, getActivation(name), parameters);
    }
    case 'eager':
    case 'compiled': {
      const { nnTrainer } = await import('./nn-trainer');
      return nnTrainer(spec, implementation);
    }
    case 'tfjs':
    case 'tfjs-wasm': {
      const { trainTfjs, useTfjsBackend } = await import('./tfjs-trainer');
      await useTfjsBackend(implementation === 'tfjs' ? 'cpu' : 'wasm');
      return (name, parameters) => trainTfjs(spec, name, parameters);
    }
    default:
      throw new InvalidArgumentError({
        argument: 'implementation',
        method: 'runCase',
        expected: "'hand-written', 'blocked', 'eager', 'compiled', 'tfjs' or 'tfjs-wasm'",
        received: implementation,
      });
  }
}

async function runChain(
  implementation: ImplementationId,
  options: RunOptions,
): Promise<CaseResult> {
  const { compile } = await import('@mg/engine');
  const { buildChain } = await import('./chain');
  const repeats = options.repeats ?? chainDefaultRepeats;
  const warmups = options.warmups ?? 1;
  const n = chainNodes;
  let timings: Timing[];
  if (implementation === 'eager') {
    const build: number[] = [];
    const backward: number[] = [];
    const total = measure(
      () => {
        const start = performance.now();
        const { root, leaf } = buildChain(n);
        const built = performance.now();
        root.backward();
        backward.push(performance.now() - built);
        build.push(built - start);
        expectChainResult(root.data, leaf.grad, n);
      },
      warmups,
      repeats,
    );
    timings = [
      { label: 'build + backward', samplesMs: total },
      { label: 'build', samplesMs: build.slice(warmups) },
      { label: 'backward', samplesMs: backward.slice(warmups) },
    ];
  } else if (implementation === 'compiled') {
    const { root, leaf } = buildChain(n);
    const compileMs = measure(() => compile(root), warmups, repeats);
    const tape = compile(root);
    const replayMs = measure(
      () => {
        tape.load();
        tape.forward();
        tape.backward();
      },
      warmups,
      repeats,
    );
    tape.store();
    expectChainResult(tape.values[tape.rootSlot]!, leaf.grad, n);
    timings = [
      { label: 'replay forward + backward', samplesMs: replayMs },
      { label: 'compile', samplesMs: compileMs },
    ];
  } else {
    throw new InvalidArgumentError({
      argument: 'implementation',
      method: 'runCase',
      expected: "'eager' or 'compiled' for workload C",
      received: implementation,
    });
  }
  return { workload: 'C', implementation, timings, nodes: n, peakRssMb: peakRssMb(), warmups };
}

/** A chain that computed the wrong numbers must not be reported as fast. */
function expectChainResult(rootData: number, leafGrad: number, n: number): void {
  if (rootData !== n || leafGrad !== n) {
    throw new BenchmarkError(
      `The ${n}-node chain computed root ${rootData} and x.grad ${leafGrad}; both should be ${n}`,
    );
  }
}

/** This process's peak resident set size in MiB (`maxRSS` is in KiB). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
