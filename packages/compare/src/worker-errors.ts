import {
  ActivationArgumentError,
  ActivationError,
  DuplicateActivationError,
  InvalidArgumentError,
  MicrogradError,
  NetworkError,
  UnknownActivationError,
  UnknownOptionError,
} from './dependencies';
import { ComparisonError, DataFileError, UnknownDatasetError } from './errors';

/** An error as a worker posts it: plain, structured-cloneable data. */
export interface WorkerError {
  name: string;
  message: string;
  stack: string | undefined;
  /** The error's own fields (`argument`, `requested`, …) that survive structured cloning. */
  fields: Record<string, unknown>;
}

/** The error classes of the `@mg/*` packages a run can throw, by their `name`. */
const classes: Record<string, { prototype: Error }> = {
  MicrogradError,
  InvalidArgumentError,
  UnknownOptionError,
  ActivationError,
  UnknownActivationError,
  DuplicateActivationError,
  ActivationArgumentError,
  NetworkError,
  ComparisonError,
  UnknownDatasetError,
  DataFileError,
};

/**
 * A thrown value as data a worker can post. Structured cloning keeps only an error's message (and
 * the class of built-in ones), so the class name and own fields travel explicitly; a field that
 * cannot be cloned (a function, say) is left out.
 */
export function toWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // Not cloneable: leave it out rather than lose the whole error.
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/**
 * The error a worker posted, rebuilt in this thread: an instance of the same `@mg/*` class (so
 * `instanceof UnknownActivationError` holds) with the same fields, message and stack; another
 * class becomes an `Error` with its name.
 */
export function fromWorkerError(data: WorkerError): Error {
  const error: Error = Object.create((classes[data.name] ?? Error).prototype);
  Object.assign(error, data.fields);
  Object.defineProperties(error, {
    name: { value: data.name, writable: true, enumerable: true, configurable: true },
    message: { value: data.message, writable: true, configurable: true },
    stack: { value: data.stack, writable: true, configurable: true },
  });
  return error;
}
