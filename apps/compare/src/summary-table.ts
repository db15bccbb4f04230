import { type ActivationSummary, type ComparisonResult, rankSummaries } from '@mg/compare';

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

/** One table column: its title, whether it is right-aligned, and each row's cell. */
interface Column {
  title: string;
  right: boolean;
  cell: (summary: ActivationSummary) => string;
}

/** `0.1234 @ 57`, with the loss right-aligned to `width` so the '@'s line up. */
function atColumn(
  title: string,
  rows: readonly ActivationSummary[],
  best: (summary: ActivationSummary) => { loss: number; epoch: number } | undefined,
): Column {
  const losses = rows.map((summary) => {
    const found = best(summary);
    return found === undefined ? '' : formatNumber(found.loss);
  });
  const width = Math.max(title.length, ...losses.map((text) => text.length));
  return {
    title: `${title.padStart(width)} @ epoch`,
    right: false,
    cell: (summary) => {
      const found = best(summary);
      return found === undefined
        ? ''
        : `${formatNumber(found.loss).padStart(width)} @ ${found.epoch}`;
    },
  };
}

/** An accuracy as a percentage with one decimal: `97.5%`. */
export function formatAccuracy(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? '-'
    : `${(value * 100).toFixed(1)}%`;
}

/**
 * The summary printed after a run: one row per activation, best first (by final validation loss
 * when rows were held out, else by final loss; diverged last), columns aligned (names left,
 * numbers right), e.g.
 *
 * ```text
 * activation  final loss  best loss @ epoch  epochs to < 0.1  diverged   time
 * ----------  ----------  -----------------  ---------------  --------  -----
 * selu          4.258e-8  4.258e-8 @ 999                  75  no        10 ms
 * tanh           0.02905   0.02905 @ 999                 364  no        25 ms
 * ```
 *
 * With held-out rows it adds `val final` and `val best @ epoch`; for classification,
 * `train acc` and `val acc` (final accuracy).
 */
export function formatSummaryTable(result: ComparisonResult): string {
  const sorted = rankSummaries(result.results);
  const validation = sorted.some((summary) => summary.validation !== undefined);
  const accuracy = sorted.some((summary) => summary.accuracy !== undefined);
  const columns: Column[] = [
    { title: 'activation', right: false, cell: (summary) => summary.activation },
    { title: 'final loss', right: true, cell: (summary) => formatNumber(summary.finalLoss) },
    atColumn('best loss', sorted, (summary) => ({
      loss: summary.bestLoss,
      epoch: summary.bestEpoch,
    })),
  ];
  if (validation) {
    columns.push(
      {
        title: 'val final',
        right: true,
        cell: (summary) => (summary.validation ? formatNumber(summary.validation.finalLoss) : '-'),
      },
      atColumn('val best', sorted, (summary) =>
        summary.validation
          ? { loss: summary.validation.bestLoss, epoch: summary.validation.bestEpoch }
          : undefined,
      ),
    );
  }
  if (accuracy) {
    columns.push({
      title: 'train acc',
      right: true,
      cell: (summary) => formatAccuracy(summary.accuracy?.finalTrain),
    });
    if (validation) {
      columns.push({
        title: 'val acc',
        right: true,
        cell: (summary) => formatAccuracy(summary.accuracy?.finalValidation),
      });
    }
  }
  columns.push(
    {
      title: `epochs to < ${Number(result.config.threshold.toPrecision(4))}`,
      right: true,
      cell: (summary) =>
        summary.epochsToThreshold === null ? 'never' : String(summary.epochsToThreshold),
    },
    {
      title: 'diverged',
      right: false,
      cell: (summary) => (summary.diverged ? `at epoch ${summary.divergedEpoch}` : 'no'),
    },
    { title: 'time', right: true, cell: (summary) => formatDuration(summary.timeMs) },
  );
  const rows = sorted.map((summary) => columns.map((column) => column.cell(summary)));
  const widths = columns.map((column, c) =>
    Math.max(column.title.length, ...rows.map((row) => row[c]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (columns[c]!.right ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.title)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}
