import { checkResult } from './check-result';
import type { ComparisonResult, ComparisonRun } from './types';

/** The optional per-epoch columns, in order, and the run field each comes from. */
const extraColumns = [
  ['validation_loss', 'validationLosses'],
  ['train_accuracy', 'trainAccuracy'],
  ['validation_accuracy', 'validationAccuracy'],
] as const;

/**
 * Every run's curve as CSV: header `epoch,activation,seed,loss`, one row per run per epoch, in
 * result order (activation, then seed, then epoch), `\n` line ends. With held-out rows a
 * `validation_loss` column follows, and for classification `train_accuracy` (and
 * `validation_accuracy`). Numbers are written in JavaScript's shortest round-trip form, so
 * parsing them back gives the same doubles.
 */
export function toCsv(result: ComparisonResult): string {
  checkResult(result, 'toCsv');
  const runs = result.results.flatMap((summary) => summary.runs);
  const extras = extraColumns.filter(
    ([, field]) => runs.length > 0 && runs.every((run) => run[field] !== undefined),
  );
  const lines = [
    ['epoch', 'activation', 'seed', 'loss', ...extras.map(([name]) => name)].join(','),
  ];
  for (const summary of result.results) {
    const activation = csvField(summary.activation);
    for (const run of summary.runs) {
      run.losses.forEach((loss, epoch) => {
        const more = extras.map(([, field]) => (run[field] as ComparisonRun['losses'])[epoch]);
        lines.push([epoch, activation, run.seed, loss, ...more].join(','));
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180 quoting, needed when a name holds a comma (`f(1,2)`), a quote or a newline. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
