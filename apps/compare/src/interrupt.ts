/** The signals that ask a command to stop (Ctrl-C, `kill`, a closed terminal). */
const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `cleanUp` if the process is asked to stop before the returned `release` is called, then
 * lets the signal end the process as it would have without us (so the shell sees 130 for Ctrl-C).
 * `cleanUp` must be synchronous: nothing else of ours runs after it.
 * NOTE: a handler runs only when the event loop gets control; training in this thread yields
 * between networks, so a stop waits at most for the network being trained.
 */
export function onStopSignal(cleanUp: () => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    release();
    try {
      cleanUp();
    } finally {
      // With our listeners gone, the signal's default action applies: the process ends.
      process.kill(process.pid, signal);
    }
  };
  const release = () => {
    for (const signal of stopSignals) process.off(signal, handler);
  };
  for (const signal of stopSignals) process.on(signal, handler);
  return release;
}
