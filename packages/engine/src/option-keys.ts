import { closestName } from './closest-name';
import { InvalidArgumentError, UnknownOptionError } from './errors';

/**
 * The list of an options type's keys, each marked `true`. Typed so that the compiler rejects a
 * list with a key missing or one too many: adding an option to the interface without adding it
 * here fails the typecheck.
 */
export type OptionKeyList<Options> = { readonly [Key in keyof Required<Options>]: true };

/**
 * The keys an options object may hold, declared once beside its interface and checked complete
 * by the compiler, e.g.
 * `const mlpOptionKeys = optionKeys<MLPOptions>({ activation: true, seed: true, … })`.
 */
export function optionKeys<Options extends object>(
  keys: OptionKeyList<Options>,
): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/**
 * Checks an options object: throws an `InvalidArgumentError` unless it is an object (not null,
 * not an array), and an {@link UnknownOptionError} (naming the first unknown key and the closest
 * known one) if it holds an own key that is not in `known`; a misspelt option would otherwise be
 * ignored without a word. Give optional options a default (`options = {}`) before the call.
 * @param argument how the caller names the object, e.g. `options` or `config.dataset`
 * @param method the function that received it, e.g. `new MLP`
 */
export function checkOptionKeys(
  options: unknown,
  known: readonly string[],
  argument: string,
  method: string,
): asserts options is object {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError({
      argument,
      method,
      expected: `an object with keys among ${known.join(', ')}`,
      received: options,
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const suggestion = closestName(key, known);
      throw new UnknownOptionError({ argument, method, key, known, suggestion });
    }
  }
}
