import { InvalidArgumentError } from '@mg/engine';
import { type Activation, isActivation } from './activation';
import { builtins } from './builtins';
import { closestName } from './edit-distance';
import { DuplicateActivationError, UnknownActivationError } from './errors';

/** A set of activations by name. Open: anyone can register more, no import side effects. */
export interface ActivationRegistry {
  /** Adds `activation` under its name. Throws `DuplicateActivationError` if the name is taken. */
  register(activation: Activation): this;
  /** The activation named `name`. Throws `UnknownActivationError`, suggesting the closest name. */
  get(name: string): Activation;
  /** Whether an activation named `name` is registered. */
  has(name: string): boolean;
  /** Every registered name, in registration order (a fresh array). */
  names(): string[];
}

class MapRegistry implements ActivationRegistry {
  private readonly byName = new Map<string, Activation>();

  register(activation: Activation): this {
    if (!isActivation(activation)) {
      throw new InvalidArgumentError({
        argument: 'activation',
        method: 'ActivationRegistry.register',
        expected: 'an Activation made by defineActivation (name, description, reference, …)',
        received: activation,
      });
    }
    if (this.byName.has(activation.name)) throw new DuplicateActivationError(activation.name);
    this.byName.set(activation.name, activation);
    return this;
  }

  get(name: string): Activation {
    const activation = this.byName.get(checkName(name, 'ActivationRegistry.get'));
    if (activation !== undefined) return activation;
    const known = this.names();
    throw new UnknownActivationError(name, known, closestName(name, known));
  }

  has(name: string): boolean {
    return this.byName.has(checkName(name, 'ActivationRegistry.has'));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

function checkName(name: unknown, method: string): string {
  if (typeof name === 'string') return name;
  throw new InvalidArgumentError({
    argument: 'name',
    method,
    expected: 'a string',
    received: name,
  });
}

/**
 * A new registry holding `activations`, in order (empty by default). Use
 * `createRegistry(builtins)` for a private copy of the built-ins that you can extend freely.
 */
export function createRegistry(activations: Iterable<Activation> = []): ActivationRegistry {
  const iterable = activations as Partial<Iterable<Activation>> | null;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    typeof iterable[Symbol.iterator] !== 'function'
  ) {
    throw new InvalidArgumentError({
      argument: 'activations',
      method: 'createRegistry',
      expected: 'an iterable of Activations (e.g. an array)',
      received: activations,
    });
  }
  const registry = new MapRegistry();
  for (const activation of activations) registry.register(activation);
  return registry;
}

let shared: ActivationRegistry | undefined;

/**
 * The process-wide registry holding the eleven built-ins, created on the first call (importing
 * this package registers nothing). It is open: what you register in it is visible to every
 * caller, e.g. to `@mg/nn` when it looks up an activation by name.
 */
export function defaultRegistry(): ActivationRegistry {
  shared ??= createRegistry(builtins);
  return shared;
}

/** `defaultRegistry().get(name)`: a built-in (or anything registered in the default registry). */
export function getActivation(name: string): Activation {
  return defaultRegistry().get(name);
}
