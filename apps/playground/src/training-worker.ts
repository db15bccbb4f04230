// The Web Worker: answers each message with one snapshot, so the page's main thread never trains.
import type { FromWorker, ToWorker } from './protocol';
import { createWorkerHandler } from './worker-handler';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler();

scope.onmessage = ({ data }) => {
  const { message, transfer } = handle(data);
  scope.postMessage(message, transfer);
};
