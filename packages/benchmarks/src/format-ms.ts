/** Milliseconds with three significant figures or whole numbers, `—` when missing. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
