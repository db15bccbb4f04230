import { closestName, InvalidArgumentError } from '@mg/engine';
import { type Activation, isActivation } from './activation';
import { formatActivationCall, parseActivationCall } from './activation-call';
import { type ActivationFamily, isActivationFamily } from './activation-family';
import { builtinFamilies } from './builtin-families';
import { builtins } from './builtins';
import { ActivationError, DuplicateActivationError, UnknownActivationError } from './errors';

/**
 * A set of activations by name, and of parameterised families whose members it resolves by call
 * (`get('leakyRelu(0.2)')`). Open: anyone can register more, no import side effects.
 */
export interface ActivationRegistry {
  /**
   * Adds an activation under its name, or a family under its family name (a family and a plain
   * activation may share one, as `leakyRelu` does). Throws `DuplicateActivationError` if taken.
   */
  register(activation: Activation | ActivationFamily): this;
  /**
   * The activation named `name`: a registered name, or a family call such as `leakyRelu(0.2)`
   * (spaces and number spelling are free; the result carries the canonical name, and the same
   * call always returns the same object). Throws `UnknownActivationError`, suggesting the closest
   * name, or `ActivationArgumentError` for a family's bad arguments.
   */
  get(name: string): Activation;
  /** Whether `get(name)` would succeed. */
  has(name: string): boolean;
  /** Every registered activation's name, in registration order (a fresh array). */
  names(): string[];
  /** Every registered family's signature, e.g. `leakyRelu(slope)`, in registration order. */
  families(): string[];
}

class MapRegistry implements ActivationRegistry {
  private readonly byName = new Map<string, Activation>();
  private readonly familyByName = new Map<string, ActivationFamily>();
  /** Family members made so far, by canonical name: one object per member, so tapes share it. */
  private readonly members = new Map<string, Activation>();

  register(activation: Activation | ActivationFamily): this {
    if (isActivationFamily(activation) && !isActivation(activation)) {
      if (this.familyByName.has(activation.name)) {
        throw new DuplicateActivationError(activation.name, 'activation family');
      }
      this.familyByName.set(activation.name, activation);
      return this;
    }
    if (!isActivation(activation)) {
      throw new InvalidArgumentError({
        argument: 'activation',
        method: 'ActivationRegistry.register',
        expected:
          'an Activation made by defineActivation (name, description, reference, …) or an ' +
          'ActivationFamily made by defineActivationFamily',
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
    const call = parseActivationCall(name);
    const known = [...this.names(), ...this.families()];
    if (call === undefined) {
      // A family's bare name (`elu`) needs its arguments: suggest the signature.
      const family = this.familyByName.get(name.trim());
      const suggestion = family?.signature ?? closestName(name, known);
      throw new UnknownActivationError(name, known, suggestion);
    }
    const family = this.familyByName.get(call.family);
    if (family === undefined) {
      const closest = closestName(call.family, this.familyByName.keys());
      const suggestion =
        closest === undefined ? undefined : formatActivationCall(closest, call.args);
      throw new UnknownActivationError(name, known, suggestion);
    }
    const canonical = formatActivationCall(family.name, call.args);
    const existing = this.byName.get(canonical) ?? this.members.get(canonical);
    if (existing !== undefined) return existing;
    const member = family.create(...call.args);
    this.members.set(canonical, member);
    return member;
  }

  has(name: string): boolean {
    if (this.byName.has(checkName(name, 'ActivationRegistry.has'))) return true;
    try {
      this.get(name);
      return true;
    } catch (error) {
      if (error instanceof ActivationError) return false;
      throw error;
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  families(): string[] {
    return [...this.familyByName.values()].map((family) => family.signature);
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
 * A new registry holding `activations` (and families), in order (empty by default). Use
 * `createRegistry(builtins)` for a private copy of the eleven built-ins that you can extend
 * freely, `createRegistry([...builtins, ...builtinFamilies])` for what the default registry holds.
 */
export function createRegistry(
  activations: Iterable<Activation | ActivationFamily> = [],
): ActivationRegistry {
  const iterable = activations as Partial<Iterable<Activation>> | null;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    typeof iterable[Symbol.iterator] !== 'function'
  ) {
    throw new InvalidArgumentError({
      argument: 'activations',
      method: 'createRegistry',
      expected: 'an iterable of Activations or ActivationFamilies (e.g. an array)',
      received: activations,
    });
  }
  const registry = new MapRegistry();
  for (const activation of activations) registry.register(activation);
  return registry;
}

let shared: ActivationRegistry | undefined;

/**
 * The process-wide registry holding the eleven built-ins and the built-in families
 * (`leakyRelu(slope)`, `elu(alpha)`), created on the first call (importing
 * this package registers nothing). It is open: what you register in it is visible to every
 * caller, e.g. to `@mg/nn` when it looks up an activation by name.
 */
export function defaultRegistry(): ActivationRegistry {
  shared ??= createRegistry([...builtins, ...builtinFamilies]);
  return shared;
}

/**
 * `registry.get(name)` for a name that arrived in an argument: an unknown name then throws an
 * `UnknownActivationError` that also says which argument held it, in the caller's words:
 * `Argument 'config.dataset.outputActivation' passed to 'runComparison': Unknown activation …`.
 */
export function getActivationFor(
  registry: ActivationRegistry,
  name: string,
  argument: string,
  method: string,
): Activation {
  try {
    return registry.get(name);
  } catch (error) {
    if (!(error instanceof UnknownActivationError)) throw error;
    throw new UnknownActivationError(error.requested, error.known, error.suggestion, {
      argument,
      method,
    });
  }
}

/**
 * `defaultRegistry().get(name)`: a built-in, a built-in family's member such as
 * `getActivation('leakyRelu(0.2)')` or `getActivation('elu(1)')`, or anything registered there.
 */
export function getActivation(name: string): Activation {
  return defaultRegistry().get(name);
}
