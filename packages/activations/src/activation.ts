import { InvalidArgumentError, type UnaryFunction, Value } from '@mg/engine';

/** What an activation is made from: a name, documentation and the function with its derivative. */
export interface ActivationSpec {
  /** The public key, e.g. `leakyRelu`; unique within a registry. */
  name: string;
  /** One line, e.g. `Leaky ReLU: x if x > 0, else 0.01x`. */
  description: string;
  /** URL of the paper or reference that defines it. */
  reference: string;
  /** f(x). Must return NaN for NaN and a finite number for every finite x. */
  forward(x: number): number;
  /** f'(x); also given `y = forward(x)`, as many derivatives are cheaper in terms of the output. */
  derivative(x: number, y: number): number;
}

/** A frozen activation: its spec, usable as the engine's `UnaryFunction`, plus `apply`. */
export interface Activation extends ActivationSpec, UnaryFunction {
  readonly name: string;
  readonly description: string;
  readonly reference: string;
  /** f(x) as ONE engine node: `x.apply(this)`. */
  apply(x: Value): Value;
}

const SPEC_KEYS = ['name', 'description', 'reference'] as const;

/**
 * Validates a spec and returns a frozen `Activation`. Only the five spec fields are copied, so
 * later changes to the spec object do not affect the activation.
 * @example
 * const cube = defineActivation({
 *   name: 'cube',
 *   description: 'Cube: x³',
 *   reference: 'https://en.wikipedia.org/wiki/Cube_(algebra)',
 *   forward: (x) => x * x * x, derivative: (x) => 3 * x * x,
 * });
 */
export function defineActivation(spec: ActivationSpec): Activation {
  const method = 'defineActivation';
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError({
      argument: 'spec',
      method,
      expected: 'an object { name, description, reference, forward, derivative }',
      received: spec,
    });
  }
  for (const key of SPEC_KEYS) {
    const value: unknown = spec[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidArgumentError({
        argument: `spec.${key}`,
        method,
        expected: 'a non-empty string',
        received: value,
      });
    }
  }
  if (!/^https?:\/\/\S+$/.test(spec.reference)) {
    throw new InvalidArgumentError({
      argument: 'spec.reference',
      method,
      expected: 'an http(s) URL',
      received: spec.reference,
    });
  }
  for (const key of ['forward', 'derivative'] as const) {
    if (typeof spec[key] !== 'function') {
      throw new InvalidArgumentError({
        argument: `spec.${key}`,
        method,
        expected: 'a function',
        received: spec[key],
      });
    }
  }

  const { name, description, reference, forward, derivative } = spec;
  const activation: Activation = {
    name,
    description,
    reference,
    forward,
    derivative,
    // NOTE: refers to `activation`, not `this`, so a detached `const { apply } = relu` still works.
    apply(x: Value): Value {
      if (!(x instanceof Value)) {
        throw new InvalidArgumentError({
          argument: 'x',
          method: `${name}.apply`,
          expected: 'a Value',
          received: x,
        });
      }
      return x.apply(activation);
    },
  };
  return Object.freeze(activation);
}

/** True for objects shaped like an `Activation` (as `defineActivation` returns). */
export function isActivation(value: unknown): value is Activation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Activation, unknown>>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.description === 'string' &&
    typeof candidate.reference === 'string' &&
    typeof candidate.forward === 'function' &&
    typeof candidate.derivative === 'function' &&
    typeof candidate.apply === 'function'
  );
}
