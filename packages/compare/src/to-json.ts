import { checkResult } from './check-result';
import type { ComparisonResult } from './types';

/**
 * The full result as compact JSON (a default run is ~0.5 MB, so no indentation).
 * NOTE: JSON has no Infinity or NaN; they are written as the strings "Infinity", "-Infinity" and
 * "NaN" (e.g. a diverged activation's `finalLoss`) instead of JSON.stringify's silent `null`.
 */
export function toJson(result: ComparisonResult): string {
  checkResult(result, 'toJson');
  return `${JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  )}\n`;
}
