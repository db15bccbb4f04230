/** A stream we write text to, such as `process.stderr`. */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Guards `stream` against a reader that went away (`EPIPE`, e.g. `mg-compare 2>&1 | head -1`):
 * from then on writes are dropped instead of ending the run with an unhandled error, since losing
 * progress lines or the table must not lose the results. Other stream errors are still thrown.
 * Returns what to write to: `stream` itself on a terminal (which is no pipe, and which a progress
 * bar drives directly), otherwise a writer that stops quietly once the pipe is closed.
 */
export function ignoreClosedPipe<Stream extends TextStream>(
  stream: Stream,
): Stream | { write(text: string): boolean; isTTY: false } {
  let closed = false;
  stream.on('error', (error) => {
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
    closed = true;
  });
  if (stream.isTTY) return stream;
  return {
    write: (text: string) => {
      if (!closed) stream.write(text);
      return !closed;
    },
    isTTY: false,
  };
}
