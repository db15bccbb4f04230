/** Decimal notation: digits with an optional fraction and exponent (`1000`, `0.001`, `1e-3`, `-2`). */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number `text` writes in decimal notation (surrounding spaces allowed), or `undefined` for
 * anything else. `Number()` alone would also take hex (`0x10`), binary (`0b1`), octal (`0o7`) and
 * `Infinity`, and read the empty string as 0; every numeric flag takes the same decimal form.
 */
export function readDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  return decimalPattern.test(trimmed) ? Number(trimmed) : undefined;
}
