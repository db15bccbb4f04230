import { runComparison, toCsv, toJson, toVegaLiteSpec } from '@mg/compare';
import type { CliOptions } from './args';
import { styleSpec } from './chart-style';
import { createProgress, type ProgressStream } from './progress';
import { renderChart } from './render-chart';
import { formatSummaryTable } from './summary-table';
import { prepareOutputDir, writeOutputs } from './write-outputs';

/** Base name of every output file. */
export const outputBaseName = 'activation-losses';

/** Where {@link run} prints: the table and paths to `stdout`, progress and warnings to `stderr`. */
export interface RunStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

/**
 * Runs the comparison the options describe and writes its chart (PNG, SVG, Vega-Lite spec) and
 * data (CSV, JSON) into `options.out`; then prints the summary table and the paths written.
 * Returns the paths.
 */
export async function run(options: CliOptions, streams: RunStreams): Promise<string[]> {
  await prepareOutputDir(options.out);

  const progress = createProgress(streams.stderr);
  const { out, scale, ...config } = options;
  let result: Awaited<ReturnType<typeof runComparison>>;
  try {
    result = await runComparison({ ...config, onProgress: (event) => progress.update(event) });
  } finally {
    progress.stop();
  }

  const spec = styleSpec(toVegaLiteSpec(result, scale === undefined ? {} : { scale }));
  const chart = await renderChart(spec);
  for (const warning of chart.warnings) streams.stderr.write(`mg-compare: chart: ${warning}\n`);

  const paths = await writeOutputs(out, [
    { name: `${outputBaseName}.png`, contents: chart.png },
    { name: `${outputBaseName}.svg`, contents: chart.svg },
    { name: `${outputBaseName}.vl.json`, contents: `${JSON.stringify(spec, null, 2)}\n` },
    { name: `${outputBaseName}.csv`, contents: toCsv(result) },
    { name: `${outputBaseName}.json`, contents: toJson(result) },
  ]);

  streams.stdout.write(`${formatSummaryTable(result)}\n\nWrote:\n`);
  for (const path of paths) streams.stdout.write(`  ${path}\n`);
  return paths;
}
