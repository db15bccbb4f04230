import { MicrogradError } from '@mg/engine';

/** A benchmark that could not run: a backend that would not load, a child process that failed. */
export class BenchmarkError extends MicrogradError {
  override name = 'BenchmarkError';
}
