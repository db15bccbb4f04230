import type { Activation, ActivationRegistry } from '@mg/activations';
import { InvalidArgumentError } from '@mg/engine';

/**
 * An activation given by name (looked up in `registry`, whose own error lists the known names
 * and suggests the closest) or as an object with `apply`, `forward` and `derivative`.
 */
export function resolveActivation(
  value: unknown,
  registry: ActivationRegistry,
  argument: string,
  method: string,
): Activation {
  if (typeof value === 'string') return registry.get(value);
  if (isActivation(value)) return value;
  throw new InvalidArgumentError({
    argument,
    method,
    expected: 'an activation name or an Activation { name, forward, derivative, apply }',
    received: value,
  });
}

/** Duck-typed check, so activations from another copy of `@mg/activations` work too. */
export function isActivation(value: unknown): value is Activation {
  const candidate = value as Partial<Activation> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    typeof candidate.forward === 'function' &&
    typeof candidate.derivative === 'function' &&
    typeof candidate.apply === 'function'
  );
}
