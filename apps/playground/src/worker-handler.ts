import type { FromWorker, ToWorker } from './protocol';
import { TrainingSession } from './training-session';

/** An answer to the page and the buffers to transfer (not copy) with it. */
export interface WorkerReply {
  message: FromWorker;
  transfer: Transferable[];
}

/**
 * The worker's message handling without the worker: each message gets exactly one reply with its
 * id, a snapshot or an error (a bad setup is reported, never thrown out of the worker).
 */
export function createWorkerHandler(): (message: ToWorker) => WorkerReply {
  let session: TrainingSession | null = null;
  return (message) => {
    const start = performance.now();
    try {
      if (message.type === 'setup') session = new TrainingSession(message.setup);
      if (!session) throw new Error(`'${message.type}' arrived before 'setup'`);
      if (message.type === 'train') session.train(message.epochs);
      const snapshot = session.snapshot(message.view);
      snapshot.workMs = performance.now() - start;
      const transfer: Transferable[] = snapshot.boundaries.map((b) => b.buffer);
      if (snapshot.focus) transfer.push(snapshot.focus.neuronGrids.buffer);
      return { message: { type: 'snapshot', id: message.id, snapshot }, transfer };
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { message: { type: 'error', id: message.id, message: text }, transfer: [] };
    }
  };
}
