import { ActivationArgumentError } from './errors';

/** A parsed `family(arg, …)` name. */
export interface ActivationCall {
  /** The family's name, e.g. `leakyRelu`. */
  family: string;
  /** The arguments, as numbers. */
  args: number[];
}

// A decimal literal: no hex, no Infinity, no empty string (which Number() would take for 0).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const CALL = /^\s*([A-Za-z_$][\w$]*)\s*\((.*)\)\s*$/s;

/**
 * Parses `leakyRelu(0.2)` or `elu( 1.5 )` into the family name and its numeric arguments;
 * `undefined` if `text` is not call-shaped (a plain name such as `tanh`). Throws
 * `ActivationArgumentError` (reason `'number'`) for an argument that is not a decimal number.
 */
export function parseActivationCall(text: string): ActivationCall | undefined {
  const match = CALL.exec(text);
  if (match === null) return undefined;
  const family = match[1]!;
  const inside = match[2]!.trim();
  const parts = inside === '' ? [] : inside.split(',').map((part) => part.trim());
  const args = parts.map((part) => {
    if (!NUMBER.test(part)) {
      throw new ActivationArgumentError({
        family,
        call: text.trim(),
        reason: 'number',
        detail: `needs decimal numbers as arguments, but got '${part}'`,
      });
    }
    return Number(part);
  });
  return { family, args };
}

/**
 * The canonical name of a family member: `leakyRelu(0.2)`, the arguments as JavaScript prints
 * them, comma-separated without spaces; so `leakyRelu(.20)` and `leakyRelu( 2e-1 )` are one name.
 */
export function formatActivationCall(family: string, args: readonly number[]): string {
  return `${family}(${args.map((arg) => String(arg)).join(',')})`;
}
