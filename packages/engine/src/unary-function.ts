import { InvalidArgumentError } from './errors';

/**
 * A scalar function with its derivative, applied to a `Value` as one graph node by
 * `Value.apply`. This is the engine's extension point: `@mg/activations` adds every activation
 * through it without the engine knowing any of them. The same object is shared by every node
 * that uses it, so no closure is created per node.
 */
export interface UnaryFunction {
  /** A short name, used as the node's label, e.g. `tanh`. */
  readonly name: string;
  /** f(x). */
  forward(x: number): number;
  /** f'(x). Receives `y = f(x)` too, since many derivatives are cheaper in terms of the output. */
  derivative(x: number, y: number): number;
}

/** Throws unless `fn` has a name and `forward`/`derivative` functions; the error names `argument`. */
export function assertUnaryFunction(
  fn: unknown,
  method: string,
  argument = 'fn',
): asserts fn is UnaryFunction {
  const candidate = fn as Partial<UnaryFunction> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.name !== 'string' ||
    typeof candidate.forward !== 'function' ||
    typeof candidate.derivative !== 'function'
  ) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: 'a UnaryFunction { name: string, forward(x), derivative(x, y) }',
      received: fn,
    });
  }
}
