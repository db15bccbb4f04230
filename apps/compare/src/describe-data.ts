import type { ComparisonResult, CsvDataset } from '@mg/compare';

const lossNames: Record<string, string> = {
  sse: 'sum of squared errors',
  mse: 'mean squared error',
  bce: 'binary cross-entropy on the output as a logit',
};

/**
 * What was trained on and how, as a few lines printed before the summary table: the rows and the
 * split, whether and how the inputs were standardised, the task, the loss, and what the ranking
 * uses. Empty for a plain run (no file, nothing held out, regression), so its output is unchanged.
 */
export function describeData(result: ComparisonResult, data: CsvDataset | undefined): string {
  const { config, setup } = result;
  const validationRows = setup.validationRows ?? 0;
  const classification = setup.task === 'classification';
  if (data === undefined && validationRows === 0 && !classification) return '';
  const lines: string[] = [];
  const source = data === undefined ? `dataset ${config.dataset}` : `${config.dataset} (CSV)`;
  const split =
    validationRows > 0
      ? `${setup.trainingRows} to train on, ${validationRows} held out for validation` +
        `${classification ? ' (stratified by class' : ' (random'}, seed ${config.seed})`
      : 'all trained on, none held out';
  lines.push(`Data: ${source}, ${setup.samples} rows: ${split}.`);
  if (data !== undefined) {
    const inputs = data.inputColumns.join(', ');
    lines.push(
      setup.standardized
        ? `Inputs ${inputs}: standardised with the mean and standard deviation of the training rows only (--no-standardize to keep them as they are).`
        : `Inputs ${inputs}: used as they are (not standardised).`,
    );
    if (data.ignoredColumns.length > 0) {
      lines.push(`Left out (text, not numbers): ${data.ignoredColumns.join(', ')}.`);
    }
  }
  const target = data === undefined ? 'Target' : `Target '${data.targetColumn}'`;
  if (classification && setup.classes) {
    const [zero, one] = data?.classLabels ?? setup.classes.map(String);
    lines.push(`${target}: two classes, ${zero} (class 0) and ${one} (class 1): classification.`);
  } else {
    lines.push(`${target}: regression.`);
  }
  const loss = config.loss ?? 'sse';
  const output = setup.outputActivation ?? 'the compared activation';
  lines.push(
    `Loss: ${lossNames[loss] ?? loss}; output layer: ${output}; optimizer: ${config.optimizer ?? 'sgd'}.`,
  );
  lines.push(
    validationRows > 0
      ? 'Ranked by final validation loss (what generalises), best first.'
      : 'Ranked by final training loss, best first.',
  );
  return `${lines.join('\n')}\n\n`;
}
