import cliProgress from 'cli-progress';

/** One report from `runComparison`'s `onProgress`. */
export interface ProgressEvent {
  completed: number;
  total: number;
  activation: string;
  seed: number;
}

/** Shows the comparison's progress; after `stop()` (which clears a bar) it shows nothing more. */
export interface ProgressReporter {
  update(event: ProgressEvent): void;
  stop(): void;
}

/** Where progress goes: stderr, so stdout holds only the table and the paths. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A live bar (cli-progress) when `stream` is a terminal, otherwise plain lines: one each time
 * another tenth of the work is done, so CI logs and pipes get a short readable record.
 */
export function createProgress(stream: ProgressStream): ProgressReporter {
  return stream.isTTY ? createBar(stream) : createPlainProgress(stream);
}

/**
 * Plain progress lines, e.g. `mg-compare: 45% (5/11) relu, seed 0`, printed when the completed
 * fraction reaches the next multiple of 10%, so 100% is always the last line.
 */
export function createPlainProgress(stream: ProgressStream): ProgressReporter {
  let printedTenths = 0;
  let stopped = false;
  return {
    update({ completed, total, activation, seed }) {
      if (stopped) return;
      const tenths = Math.floor((completed / total) * 10);
      if (tenths <= printedTenths) return;
      printedTenths = tenths;
      const percent = Math.floor((completed / total) * 100);
      stream.write(`mg-compare: ${percent}% (${completed}/${total}) ${activation}, seed ${seed}\n`);
    },
    stop() {
      stopped = true;
    },
  };
}

function createBar(stream: ProgressStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format:
        'training {bar} {percentage}% | {value}/{total} | {activation}, seed {seed} | ETA {eta_formatted}',
      clearOnComplete: true,
      // Redraws at most ~12 times a second however often onProgress fires.
      fps: 12,
    },
    cliProgress.Presets.shades_classic,
  );
  let state: 'waiting' | 'drawing' | 'stopped' = 'waiting';
  return {
    update({ completed, total, activation, seed }) {
      if (state === 'waiting') {
        bar.start(total, completed, { activation, seed });
        state = 'drawing';
      } else if (state === 'drawing') {
        bar.setTotal(total);
        bar.update(completed, { activation, seed });
      }
    },
    stop() {
      if (state === 'drawing') bar.stop();
      state = 'stopped';
    },
  };
}
