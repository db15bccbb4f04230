import { type ComparisonResult, runComparison, toCsv, toJson, toVegaLiteSpec } from '@mg/compare';
import type { CliOptions } from './args';
import { chartSize, styleSpec } from './chart-style';
import { createProgress, type ProgressStream } from './progress';
import { renderChart } from './render-chart';
import { formatSummaryTable } from './summary-table';
import { type OutputFile, prepareOutputDir, writeOutputs } from './write-outputs';

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
 * Returns the paths. Everything is computed before the first file is written.
 */
export async function run(options: CliOptions, streams: RunStreams): Promise<string[]> {
  const undoOutputDir = await prepareOutputDir(options.out);
  let produced: { result: ComparisonResult; files: OutputFile[] };
  try {
    produced = await produce(options, streams.stderr);
  } catch (error) {
    // Nothing was written: leave no new, empty output directory behind either.
    await undoOutputDir();
    throw error;
  }
  const paths = await writeOutputs(options.out, produced.files);
  streams.stdout.write(`${formatSummaryTable(produced.result)}\n\nWrote:\n`);
  for (const path of paths) streams.stdout.write(`  ${path}\n`);
  return paths;
}

/** Trains (with progress on `stderr`), then renders the chart and serialises the data in memory. */
async function produce(
  options: CliOptions,
  stderr: ProgressStream,
): Promise<{ result: ComparisonResult; files: OutputFile[] }> {
  const { out: _out, scale, ...config } = options;
  const progress = createProgress(stderr);
  let result: ComparisonResult;
  try {
    result = await runComparison({ ...config, onProgress: (event) => progress.update(event) });
  } finally {
    progress.stop();
  }

  const spec = styleSpec(toVegaLiteSpec(result, scale ? { ...chartSize, scale } : chartSize));
  const chart = await renderChart(spec);
  for (const warning of chart.warnings) stderr.write(`mg-compare: chart: ${warning}\n`);
  const files = [
    { name: `${outputBaseName}.png`, contents: chart.png },
    { name: `${outputBaseName}.svg`, contents: chart.svg },
    // Compact like the JSON: the spec holds every point inline (~11,000 for a default run).
    { name: `${outputBaseName}.vl.json`, contents: `${JSON.stringify(spec)}\n` },
    { name: `${outputBaseName}.csv`, contents: toCsv(result) },
    { name: `${outputBaseName}.json`, contents: toJson(result) },
  ];
  return { result, files };
}
