/** Workload ids: A the default comparison, B the bigger MLP, C the million-node chain. */
export type WorkloadId = 'A' | 'B' | 'C';

/**
 * How a workload is computed. `blocked` is the hand-written reference with four samples per pass
 * over each weight row; `tfjs` is TensorFlow.js' pure JavaScript backend, `tfjs-wasm` its
 * WebAssembly one. C has only `eager` and `compiled`.
 */
export type ImplementationId =
  | 'hand-written'
  | 'blocked'
  | 'eager'
  | 'compiled'
  | 'tfjs'
  | 'tfjs-wasm';

/** Every implementation of the MLP workloads, in report order (the reference first). */
export const mlpImplementations: readonly ImplementationId[] = [
  'hand-written',
  'blocked',
  'eager',
  'compiled',
  'tfjs',
  'tfjs-wasm',
];

/** The TensorFlow.js implementations: seconds per run of A, so A runs them once, not in lockstep. */
export const tfjsImplementations: readonly ImplementationId[] = ['tfjs', 'tfjs-wasm'];

/** Implementations of the chain workload. */
export const chainImplementations: readonly ImplementationId[] = ['eager', 'compiled'];

/** One timed phase: a wall time in milliseconds per repetition (warm-ups excluded). */
export interface Timing {
  label: string;
  samplesMs: number[];
}

/** What a child process reports for one (workload, implementation). */
export interface CaseResult {
  workload: WorkloadId;
  implementation: ImplementationId;
  /** The first timing is the headline one (the whole workload); C adds its phases. */
  timings: Timing[];
  /** A and B: the loss curve of each activation's run, from the last repetition. */
  losses?: number[][];
  /** C: the number of nodes in the chain. */
  nodes?: number;
  /** The child's peak resident set size (`process.resourceUsage().maxRSS`), in MiB. */
  peakRssMb: number;
  warmups: number;
}

/** A case that could not run: the child's error output instead of a result. */
export interface CaseFailure {
  workload: WorkloadId;
  implementation: ImplementationId;
  error: string;
}
