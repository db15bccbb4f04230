import type { ActivationSummary, ComparisonResult } from '@mg/compare';

/**
 * A number in 4 significant digits, in exponent form when it is tiny or huge so a column never
 * shows `0.000` for 3e-7: `0.1235`, `12.35`, `3.000e-7`, `1.235e+5`, `NaN`, `inf`.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e4 ? value.toPrecision(4) : value.toExponential(3);
}

/** A duration: `840 ms` below a second, `12.35 s` from one. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toPrecision(4)} s`;
}

/**
 * Orders by final loss, smallest first; a NaN or infinite final loss (a diverged run) goes last.
 * Ties keep the comparison's order.
 */
export function sortByFinalLoss(results: readonly ActivationSummary[]): ActivationSummary[] {
  const key = (summary: ActivationSummary) =>
    Number.isFinite(summary.finalLoss) ? summary.finalLoss : Number.POSITIVE_INFINITY;
  // NOTE: not `key(a) - key(b)`: two infinite keys would give NaN, which sort() reads as "equal"
  // only by accident of the spec.
  return [...results].sort((a, b) => (key(a) === key(b) ? 0 : key(a) < key(b) ? -1 : 1));
}

/**
 * The summary printed after a run: one row per activation sorted by final loss, columns aligned
 * (names left, numbers right), e.g.
 *
 * ```text
 * activation  final loss  best loss @ epoch  epochs to < 0.1  diverged   time
 * ----------  ----------  -----------------  ---------------  --------  -----
 * selu          4.258e-8  4.258e-8 @ 999                  75  no        10 ms
 * tanh           0.02905   0.02905 @ 999                 364  no        25 ms
 * ```
 */
export function formatSummaryTable(result: ComparisonResult): string {
  const sorted = sortByFinalLoss(result.results);
  // "best loss @ epoch" aligns on the header's '@': the loss right-aligned before it, the epoch after.
  const bests = sorted.map((summary) => formatNumber(summary.bestLoss));
  const bestWidth = Math.max('best loss'.length, ...bests.map((text) => text.length));
  const header = [
    'activation',
    'final loss',
    `${'best loss'.padStart(bestWidth)} @ epoch`,
    `epochs to < ${Number(result.config.threshold.toPrecision(4))}`,
    'diverged',
    'time',
  ];
  const rows = sorted.map((summary, index) => [
    summary.activation,
    formatNumber(summary.finalLoss),
    `${bests[index]!.padStart(bestWidth)} @ ${summary.bestEpoch}`,
    summary.epochsToThreshold === null ? 'never' : String(summary.epochsToThreshold),
    summary.diverged ? `at epoch ${summary.divergedEpoch}` : 'no',
    formatDuration(summary.timeMs),
  ]);
  const rightAligned = [false, true, false, true, false, true];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        rightAligned[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
