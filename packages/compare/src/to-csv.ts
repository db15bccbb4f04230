import type { ComparisonResult } from './types';

/**
 * Every run's curve as CSV: header `epoch,activation,seed,loss`, one row per run per epoch, in
 * result order (activation, then seed, then epoch), `\n` line ends. Losses are written in
 * JavaScript's shortest round-trip form, so parsing them back gives the same doubles.
 */
export function toCsv(result: ComparisonResult): string {
  const lines = ['epoch,activation,seed,loss'];
  for (const summary of result.results) {
    const activation = csvField(summary.activation);
    for (const run of summary.runs) {
      run.losses.forEach((loss, epoch) => {
        lines.push(`${epoch},${activation},${run.seed},${loss}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 quoting, needed only if a custom activation's name holds a comma, quote or newline. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
