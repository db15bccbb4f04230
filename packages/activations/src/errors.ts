import { MicrogradError } from '@mg/engine';

/** Base class of the errors thrown by `@mg/activations`; extends the engine's `MicrogradError`. */
export class ActivationError extends MicrogradError {
  override name = 'ActivationError';
}

/**
 * A registry was asked for a name it does not hold, e.g.
 * `Unknown activation 'rleu'. Did you mean 'relu'? Known: identity, heaviside, …`.
 */
export class UnknownActivationError extends ActivationError {
  override name = 'UnknownActivationError';
  /** The name that was asked for. */
  readonly requested: string;
  /** The closest known name, if one is close enough to be a likely typo. */
  readonly suggestion: string | undefined;
  /** Every name the registry holds, in registration order. */
  readonly known: readonly string[];
  /** The argument that carried the name, when a caller says so (e.g. `options.activation`). */
  readonly argument: string | undefined;

  /**
   * @param context the argument and function that received the name, when the caller knows them:
   *   the message then starts `Argument 'options.activation' passed to 'new MLP': …`
   */
  constructor(
    requested: string,
    known: readonly string[],
    suggestion: string | undefined,
    context?: { argument: string; method: string },
  ) {
    const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
    const list = known.length === 0 ? '(none)' : known.join(', ');
    const where =
      context === undefined ? '' : `Argument '${context.argument}' passed to '${context.method}': `;
    super(`${where}Unknown activation '${requested}'.${hint} Known: ${list}`);
    this.requested = requested;
    this.suggestion = suggestion;
    this.known = known;
    this.argument = context?.argument;
  }
}

/** A registry already holds an activation under this name; names are unique keys. */
export class DuplicateActivationError extends ActivationError {
  override name = 'DuplicateActivationError';
  /** The name registered twice. */
  readonly activationName: string;

  /** @param kind what was registered twice: an activation (default) or an activation family */
  constructor(activationName: string, kind: 'activation' | 'activation family' = 'activation') {
    super(
      `An ${kind} named '${activationName}' is already registered. Register it under another ` +
        'name, or use createRegistry() for a separate set.',
    );
    this.activationName = activationName;
  }
}

/** Why a family's arguments were refused. */
export type ActivationArgumentReason = 'number' | 'count' | 'range';

/**
 * A parameterised activation was given bad arguments: not decimal numbers (`'number'`), the wrong
 * number of them (`'count'`) or one out of range (`'range'`), e.g.
 * `Activation 'leakyRelu(2)': family 'leakyRelu' needs slope to be a finite number from 0 to 1, but got 2`.
 */
export class ActivationArgumentError extends ActivationError {
  override name = 'ActivationArgumentError';
  /** The family's name, e.g. `leakyRelu`. */
  readonly family: string;
  /** The requested name, e.g. `leakyRelu(2)`. */
  readonly call: string;
  /** What was wrong. */
  readonly reason: ActivationArgumentReason;
  /** The parameter out of range, for reason `'range'`. */
  readonly parameter: string | undefined;

  constructor(details: {
    family: string;
    call: string;
    reason: ActivationArgumentReason;
    detail: string;
    parameter?: string;
  }) {
    super(`Activation '${details.call}': family '${details.family}' ${details.detail}`);
    this.family = details.family;
    this.call = details.call;
    this.reason = details.reason;
    this.parameter = details.parameter;
  }
}
