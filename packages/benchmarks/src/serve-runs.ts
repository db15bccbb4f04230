import type { CaseResult, ImplementationId } from './results';
import { prepareMlpCase } from './worker';
import type { MlpWorkload } from './workloads';

/** What a lockstep child says to the parent. */
export type LockstepReply =
  | { kind: 'ready' }
  | { kind: 'ran'; ms: number }
  | { kind: 'result'; result: CaseResult }
  | { kind: 'error'; error: string };

/** What the parent asks a lockstep child to do. */
export type LockstepRequest = 'run' | 'finish';

/**
 * The child side of lockstep timing (see `lockstep.ts`): prepares and warms up the case, says
 * `ready`, then times one run per `run` request and replies with its milliseconds. `finish`
 * replies with the whole result and lets the process end.
 */
export async function serveRuns(
  spec: MlpWorkload,
  implementation: ImplementationId,
  warmups: number | undefined,
  send: (reply: LockstepReply) => void,
): Promise<void> {
  const session = await prepareMlpCase(spec, implementation, warmups);
  const samplesMs: number[] = [];
  await new Promise<void>((done) => {
    const onRequest = (request: LockstepRequest) => {
      if (request === 'run') {
        const ms = session.run();
        samplesMs.push(ms);
        send({ kind: 'ran', ms });
      } else {
        process.off('message', onRequest);
        send({ kind: 'result', result: session.result(samplesMs) });
        done();
      }
    };
    process.on('message', onRequest);
    send({ kind: 'ready' });
  });
}
