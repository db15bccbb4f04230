/**
 * Base class of every error thrown by the `@mg/*` packages, so callers can catch them all at once.
 */
export class MicrogradError extends Error {
  override name = 'MicrogradError';
}

/** Details of an argument that was rejected. */
export interface InvalidArgumentDetails {
  /** The parameter's name, e.g. `other`. */
  argument: string;
  /** The function or method that received it, e.g. `Value.add`. */
  method: string;
  /** What it accepts, e.g. `a Value or a finite number`. */
  expected: string;
  /** The value that arrived. */
  received: unknown;
}

/**
 * An argument of the wrong type or range, e.g.
 * `Argument 'other' passed to 'Value.add' must be a Value or a finite number, but got undefined`.
 */
export class InvalidArgumentError extends MicrogradError {
  override name = 'InvalidArgumentError';
  readonly argument: string;
  readonly method: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(details: InvalidArgumentDetails) {
    super(
      `Argument '${details.argument}' passed to '${details.method}' must be ${details.expected}, ` +
        `but got ${describeReceived(details.received)}`,
    );
    this.argument = details.argument;
    this.method = details.method;
    this.expected = details.expected;
    this.received = details.received;
  }
}

/** A short, readable description of any value for error messages: `string '3'`, `NaN`, `object {}`. */
export function describeReceived(received: unknown): string {
  if (received === null) return 'null';
  switch (typeof received) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `string '${received.length > 40 ? `${received.slice(0, 40)}…` : received}'`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof received} ${String(received)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return describeObject(received as object);
  }
}

function describeObject(received: object): string {
  if (Array.isArray(received)) return `an array of length ${received.length}`;
  const name = received.constructor?.name;
  if (name && name !== 'Object') return `an instance of ${name}`;
  let text: string;
  try {
    text = JSON.stringify(received) ?? '{}';
  } catch {
    text = '{…}';
  }
  return `object ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/**
 * An options object holds a key its function does not know, usually a typo, e.g.
 * `Argument 'options' passed to 'new MLP' has an unknown key 'activaton'. Did you mean
 * 'activation'? Known keys: activation, outputActivation, seed, registry, init`.
 * An `InvalidArgumentError` whose `argument` is the options object and `received` the key.
 */
export class UnknownOptionError extends InvalidArgumentError {
  override name = 'UnknownOptionError';
  /** The key that is not an option, e.g. `activaton`. */
  readonly key: string;
  /** The closest known key, if one is close enough to be a likely typo. */
  readonly suggestion: string | undefined;
  /** Every key the options object may hold. */
  readonly known: readonly string[];

  constructor(details: {
    argument: string;
    method: string;
    key: string;
    known: readonly string[];
    suggestion: string | undefined;
  }) {
    const list = details.known.join(', ');
    super({
      argument: details.argument,
      method: details.method,
      expected: `an object with only the keys ${list}`,
      received: details.key,
    });
    const hint = details.suggestion === undefined ? '' : ` Did you mean '${details.suggestion}'?`;
    this.message =
      `Argument '${details.argument}' passed to '${details.method}' has an unknown key ` +
      `'${details.key}'.${hint} Known keys: ${list}`;
    this.key = details.key;
    this.suggestion = details.suggestion;
    this.known = details.known;
  }
}
