import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ImplementationId, WorkloadId } from './results';
import type { LockstepReply, LockstepRequest } from './serve-runs';
import type { CaseOutcome } from './summary';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

/** One case of an interleaved set: which implementation, and how many timed runs it gets. */
export interface InterleavedCase {
  workload: WorkloadId;
  implementation: ImplementationId;
  repeats: number;
}

/**
 * Times several cases run by run, interleaved: one fresh child process per case, all started and
 * warmed up first, then run 1 of each case, run 2 of each case, and so on (the order rotating
 * from one run to the next). Only one child computes at a time. On a shared machine whose speed
 * drifts over seconds, each case then sees the same spells of load as its reference, which
 * separate processes run one after another did not. Resolves with one outcome per case, in
 * order; a child that fails becomes that case's failure and the others go on.
 */
export async function runInterleaved(cases: readonly InterleavedCase[]): Promise<CaseOutcome[]> {
  const outcomes: (CaseOutcome | undefined)[] = cases.map(() => undefined);
  const children: (Child | undefined)[] = [];
  for (const [i, c] of cases.entries()) {
    const child = new Child(c.workload, c.implementation);
    try {
      await child.expect('ready');
      children[i] = child;
    } catch (error) {
      outcomes[i] = failure(c, error);
      child.kill();
    }
  }
  const rounds = Math.max(0, ...cases.map((c) => c.repeats));
  for (let k = 0; k < rounds; k++) {
    for (let j = 0; j < cases.length; j++) {
      const i = (j + k) % cases.length;
      const child = children[i];
      if (child === undefined || k >= cases[i]!.repeats) continue;
      try {
        child.send('run');
        await child.expect('ran');
      } catch (error) {
        outcomes[i] = failure(cases[i]!, error);
        child.kill();
        children[i] = undefined;
      }
    }
  }
  for (const [i, child] of children.entries()) {
    if (child === undefined) continue;
    try {
      child.send('finish');
      const reply = await child.expect('result');
      if (reply.kind === 'result') outcomes[i] = reply.result;
    } catch (error) {
      outcomes[i] = failure(cases[i]!, error);
    }
  }
  return outcomes.map((outcome, i) => outcome ?? failure(cases[i]!, 'no result'));
}

function failure(c: InterleavedCase, error: unknown): CaseOutcome {
  const text = error instanceof Error ? error.message : String(error);
  return { workload: c.workload, implementation: c.implementation, error: text };
}

/** A lockstep child process: requests go out one at a time, each awaited reply comes back. */
class Child {
  private readonly process: ChildProcess;
  private readonly replies: LockstepReply[] = [];
  private waiting: (() => void) | null = null;
  private stderr = '';
  private exited: string | null = null;

  constructor(workload: WorkloadId, implementation: ImplementationId) {
    this.process = fork(entry, [workload, implementation, 'lockstep'], {
      cwd: packageDir,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.process.on('message', (reply) => {
      this.replies.push(reply as LockstepReply);
      this.wake();
    });
    this.process.on('exit', (code, signal) => {
      this.exited = `exited with code ${code}${signal ? `, signal ${signal}` : ''}`;
      this.wake();
    });
    this.process.on('error', (error) => {
      this.exited = error.message;
      this.wake();
    });
  }

  send(request: LockstepRequest): void {
    this.process.send(request);
  }

  kill(): void {
    this.process.kill();
  }

  /** The next reply, which must be of the given kind; rejects on an error reply or an exit. */
  async expect(kind: LockstepReply['kind']): Promise<LockstepReply> {
    while (this.replies.length === 0) {
      if (this.exited !== null) throw new Error(`${this.exited}\n${this.stderr}`.trim());
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
    const reply = this.replies.shift()!;
    if (reply.kind === 'error') throw new Error(`${reply.error}\n${this.stderr}`.trim());
    if (reply.kind !== kind)
      throw new Error(`expected '${kind}' from the child, got '${reply.kind}'`);
    return reply;
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.();
  }
}
