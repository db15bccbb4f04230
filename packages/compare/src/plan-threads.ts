/**
 * What the thread cost model needs to know about a comparison's work and the machine. A unit of
 * work is one parameter of one network, for one sample, for one epoch (a multiply-add forward and
 * two backward, roughly): a task costs `parameters × samples × epochs` units.
 */
export interface ThreadWorkload {
  /** Independent runs: activations × seeds. */
  tasks: number;
  /** Parameters of one task's network (weights and biases). */
  parameters: number;
  /** Training samples (full batch). */
  samples: number;
  epochs: number;
  /** Cores available to this process: `os.availableParallelism()`. */
  cores: number;
  /** `config.threads` when the caller gave it, else null (the model chooses). */
  requested: number | null;
}

/** The model's two measured constants. */
export interface ThreadCosts {
  /**
   * Wall time one more worker adds before it is useful, in milliseconds: starting the thread,
   * importing the packages in it, and its JIT warming up on its first task (a worker starts cold;
   * the calling thread pays its own warm-up whether or not there is a pool, so that part cancels).
   */
  workerStartMs: number;
  /** Time per unit of work (parameter × sample × epoch) of compiled training, in nanoseconds. */
  nsPerUnit: number;
}

/**
 * Measured on the 2-core machine this project is developed on at low load (Node 20; comparisons
 * of 3-10-5-1, 2-16-16-1 and 2-64-64-1 networks at two lengths each, timed inline and on 2
 * workers in fresh processes; see the package README, "Threads"). Machines differ, but the
 * decision only flips where the two estimates are close, where either choice costs about the same.
 */
export const threadCosts: ThreadCosts = { workerStartMs: 250, nsPerUnit: 3 };

/** The chosen thread count, why, and the estimates it was chosen from. */
export interface ThreadPlan {
  /** 1 trains in the calling thread; more start a pool of that many workers. */
  threads: number;
  /**
   * `model`: the fastest estimate (no `threads` given); `requested`: the caller's count, used as
   * given; `clamped`: the caller asked for more than `cores`, and got `cores`.
   */
  reason: 'model' | 'requested' | 'clamped';
  /** The estimated wall time of the work at 1, 2, … up to the most useful thread count, in ms. */
  estimatesMs: number[];
}

/**
 * Chooses how many threads run a comparison. Without a request it picks the count with the
 * lowest estimated wall time (the fewest threads on a tie), where for t threads
 *
 *     estimate(1) = work
 *     estimate(t) = workerStartMs + work / t        (1 < t ≤ min(tasks, cores))
 *
 * and work = tasks × parameters × samples × epochs × nsPerUnit. The workers start side by side
 * and share the work (the calling thread only waits); more threads than tasks or cores cannot
 * share it further, so the model never picks more. A request wins,
 * but never above `cores`: more threads than cores only share them, each costing a start-up and
 * its memory (300 workers took 3.6 GB), so a larger request is clamped to `cores`. Pure: the
 * caller passes the machine's cores in, and warns about a clamp.
 */
export function planThreads(
  workload: ThreadWorkload,
  costs: ThreadCosts = threadCosts,
): ThreadPlan {
  const cores = Math.max(1, workload.cores);
  const most = Math.max(1, Math.min(workload.tasks, cores));
  const workMs =
    (workload.tasks * workload.parameters * workload.samples * workload.epochs * costs.nsPerUnit) /
    1e6;
  const estimatesMs: number[] = [];
  for (let t = 1; t <= most; t++) {
    estimatesMs.push(t === 1 ? workMs : costs.workerStartMs + workMs / t);
  }
  if (workload.requested !== null) {
    return workload.requested > cores
      ? { threads: cores, reason: 'clamped', estimatesMs }
      : { threads: workload.requested, reason: 'requested', estimatesMs };
  }
  let best = 0;
  for (let i = 1; i < estimatesMs.length; i++) if (estimatesMs[i]! < estimatesMs[best]!) best = i;
  return { threads: best + 1, reason: 'model', estimatesMs };
}

/** Weights and biases of an MLP with `inputs` inputs and the given layer widths. */
export function parameterCount(inputs: number, layers: readonly number[]): number {
  let count = 0;
  let fanIn = inputs;
  for (const width of layers) {
    count += (fanIn + 1) * width;
    fanIn = width;
  }
  return count;
}
