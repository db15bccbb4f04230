import { InvalidArgumentError } from '@mg/engine';
import { type Activation, isActivation } from './activation';
import { formatActivationCall } from './activation-call';
import { ActivationArgumentError } from './errors';

/**
 * One numeric parameter of an activation family, with its allowed range (bounds in the style of
 * JSON Schema; all optional). Every argument must also be a finite number.
 */
export interface ActivationParameter {
  /** The parameter's name, e.g. `slope`; shown in signatures and errors. */
  readonly name: string;
  /** Smallest allowed value (inclusive). */
  readonly minimum?: number;
  /** Largest allowed value (inclusive). */
  readonly maximum?: number;
  /** Values must be greater than this. */
  readonly exclusiveMinimum?: number;
  /** Values must be less than this. */
  readonly exclusiveMaximum?: number;
}

/** What an activation family is made from (see {@link defineActivationFamily}). */
export interface ActivationFamilySpec {
  /** The family's key, e.g. `leakyRelu`: its members are named `leakyRelu(0.2)`. */
  name: string;
  /** One line, e.g. `Leaky ReLU with slope a: x if x > 0, else a·x`. */
  description: string;
  /** URL of the paper or reference that defines it. */
  reference: string;
  /** The parameters, in call order (at least one). */
  parameters: readonly ActivationParameter[];
  /**
   * The member for checked arguments (as many as `parameters`, each finite and in range). It must
   * return an `Activation` named `name`, the canonical name, e.g. with `defineActivation`.
   */
  build(args: readonly number[], name: string): Activation;
}

/**
 * A parameterised family of activations, e.g. leaky ReLU by slope. `create(0.2)` checks the
 * arguments and returns the member named canonically (`leakyRelu(0.2)`). Register a family in a
 * registry like a plain activation; `registry.get('leakyRelu(0.2)')` then resolves the call.
 */
export interface ActivationFamily {
  readonly name: string;
  readonly description: string;
  readonly reference: string;
  readonly parameters: readonly ActivationParameter[];
  /** The call shape, e.g. `leakyRelu(slope)`; registries list families by it. */
  readonly signature: string;
  /**
   * The member for these arguments, named canonically (`leakyRelu(0.2)`), a new object on each
   * call (registries cache theirs). Throws `ActivationArgumentError` for the wrong number of
   * arguments or an argument out of range.
   */
  create(...args: number[]): Activation;
}

const SPEC_KEYS = ['name', 'description', 'reference'] as const;
const BOUND_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/**
 * Validates a family spec and returns a frozen `ActivationFamily`.
 * @example
 * const scaledTanh = defineActivationFamily({
 *   name: 'scaledTanh',
 *   description: 'Scaled tanh: a·tanh(x)',
 *   reference: 'https://en.wikipedia.org/wiki/Hyperbolic_functions',
 *   parameters: [{ name: 'a', exclusiveMinimum: 0 }],
 *   build: ([a], name) => defineActivation({ name, description: `${a}·tanh(x)`, ... }),
 * });
 * createRegistry(builtins).register(scaledTanh).get('scaledTanh(2)');
 */
export function defineActivationFamily(spec: ActivationFamilySpec): ActivationFamily {
  const method = 'defineActivationFamily';
  const fail = (argument: string, expected: string, received: unknown): never => {
    throw new InvalidArgumentError({ argument, method, expected, received });
  };
  if (typeof spec !== 'object' || spec === null) {
    fail('spec', 'an object { name, description, reference, parameters, build }', spec);
  }
  for (const key of SPEC_KEYS) {
    const value: unknown = spec[key];
    if (typeof value !== 'string' || value.trim() === '') {
      fail(`spec.${key}`, 'a non-empty string', value);
    }
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(spec.name)) {
    fail(
      'spec.name',
      'an identifier (letters, digits, _ or $, not starting with a digit)',
      spec.name,
    );
  }
  if (!/^https?:\/\/\S+$/.test(spec.reference)) {
    fail('spec.reference', 'an http(s) URL', spec.reference);
  }
  if (!Array.isArray(spec.parameters) || spec.parameters.length === 0) {
    fail(
      'spec.parameters',
      'a non-empty array of { name, minimum?, maximum?, … }',
      spec.parameters,
    );
  }
  const parameters = spec.parameters.map((parameter, i) => {
    if (typeof parameter !== 'object' || parameter === null) {
      fail(`spec.parameters[${i}]`, 'an object { name, minimum?, maximum?, … }', parameter);
    }
    if (typeof parameter.name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(parameter.name)) {
      fail(`spec.parameters[${i}].name`, 'an identifier', parameter.name);
    }
    const copy: Record<string, unknown> = { name: parameter.name };
    for (const key of BOUND_KEYS) {
      const bound = parameter[key];
      if (bound === undefined) continue;
      if (typeof bound !== 'number' || Number.isNaN(bound)) {
        fail(`spec.parameters[${i}].${key}`, 'a number or undefined', bound);
      }
      copy[key] = bound;
    }
    return Object.freeze(copy as unknown as ActivationParameter);
  });
  if (typeof spec.build !== 'function') fail('spec.build', 'a function', spec.build);

  const { name, description, reference, build } = spec;
  const signature = `${name}(${parameters.map((p) => p.name).join(', ')})`;
  const family: ActivationFamily = {
    name,
    description,
    reference,
    parameters: Object.freeze(parameters),
    signature,
    create(...args: number[]): Activation {
      checkArguments(family, args);
      const canonical = formatActivationCall(name, args);
      const member = build(args, canonical);
      if (!isActivation(member) || member.name !== canonical) {
        throw new InvalidArgumentError({
          argument: 'spec.build',
          method: `${name}.create`,
          expected: `a function returning an Activation named '${canonical}'`,
          received: member,
        });
      }
      return member;
    },
  };
  return Object.freeze(family);
}

/** True for objects shaped like an `ActivationFamily` (as `defineActivationFamily` returns). */
export function isActivationFamily(value: unknown): value is ActivationFamily {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ActivationFamily, unknown>>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.signature === 'string' &&
    Array.isArray(candidate.parameters) &&
    typeof candidate.create === 'function'
  );
}

/** Throws `ActivationArgumentError` unless `args` fit the family's parameters. */
function checkArguments(family: ActivationFamily, args: readonly number[]): void {
  const { parameters } = family;
  if (args.length !== parameters.length) {
    throw new ActivationArgumentError({
      family: family.name,
      call: formatActivationCall(family.name, args),
      reason: 'count',
      detail:
        `takes ${parameters.length} argument${parameters.length === 1 ? '' : 's'} ` +
        `(${family.signature}), but got ${args.length}`,
    });
  }
  parameters.forEach((parameter, i) => {
    const value = args[i];
    const range = describeRange(parameter);
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (parameter.minimum === undefined || value >= parameter.minimum) &&
      (parameter.maximum === undefined || value <= parameter.maximum) &&
      (parameter.exclusiveMinimum === undefined || value > parameter.exclusiveMinimum) &&
      (parameter.exclusiveMaximum === undefined || value < parameter.exclusiveMaximum);
    if (!ok) {
      throw new ActivationArgumentError({
        family: family.name,
        call: formatActivationCall(family.name, args),
        reason: 'range',
        parameter: parameter.name,
        detail: `needs ${parameter.name} to be ${range}, but got ${String(value)}`,
      });
    }
  });
}

/** `a finite number from 0 to 1`, `a finite number > 0`, … */
export function describeRange(parameter: ActivationParameter): string {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = parameter;
  const lower =
    exclusiveMinimum !== undefined
      ? `> ${exclusiveMinimum}`
      : minimum !== undefined
        ? `>= ${minimum}`
        : '';
  const upper =
    exclusiveMaximum !== undefined
      ? `< ${exclusiveMaximum}`
      : maximum !== undefined
        ? `<= ${maximum}`
        : '';
  if (
    minimum !== undefined &&
    maximum !== undefined &&
    exclusiveMinimum === undefined &&
    exclusiveMaximum === undefined
  ) {
    return `a finite number from ${minimum} to ${maximum}`;
  }
  const bounds = [lower, upper].filter((b) => b !== '').join(' and ');
  return bounds === '' ? 'a finite number' : `a finite number ${bounds}`;
}
