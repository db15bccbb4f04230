import {
  type ComparisonDataset,
  type ComparisonResult,
  type CsvDataset,
  hasDecisionSurface,
  readCsvDataset,
  runComparison,
  toCsv,
  toDecisionBoundariesSpec,
  toJson,
  toSmallMultiplesSpec,
  toVegaLiteSpec,
} from '@mg/compare';
import type { CliOptions } from './args';
import { chartSize, styleSpec } from './chart-style';
import { describeData } from './describe-data';
import { onStopSignal } from './interrupt';
import { openInBrowser } from './open-in-browser';
import { type OutputFile, openOutputSet } from './output-set';
import { createProgress, type ProgressReporter, type ProgressStream } from './progress';
import { renderChart } from './render-chart';
import { reportHtml } from './report-html';
import { formatSummaryTable } from './summary-table';

/** Base name of every output file. */
export const outputBaseName = 'activation-losses';
/** The small multiples' base name. */
export const gridBaseName = 'activation-losses-grid';
/** The decision boundaries' base name (2-D datasets only). */
export const boundariesBaseName = 'decision-boundaries';
/** The interactive report's file name. */
export const reportName = 'report.html';

/** Where {@link run} prints: the table and paths to `stdout`, progress and warnings to `stderr`. */
export interface RunStreams {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

/**
 * Runs the comparison the options describe and writes its chart (PNG, SVG, Vega-Lite spec) and
 * data (CSV, JSON) into `options.out`, replacing the previous run's files as a set; then prints
 * the summary table and the paths written. Returns the paths. If the run fails or is stopped by a
 * signal, it leaves the output directory as it found it: no new file, no temporary, no directory.
 */
export async function run(options: CliOptions, streams: RunStreams): Promise<string[]> {
  // A bad data file fails here, in one line, before any output is touched.
  const data =
    options.data === undefined
      ? undefined
      : await readCsvDataset(
          options.data,
          options.target === undefined ? {} : { target: options.target },
        );
  const outputs = openOutputSet(options.out);
  const progress = createProgress(streams.stderr);
  const release = onStopSignal(() => {
    progress.stop();
    outputs.abandon();
  });
  let produced: { result: ComparisonResult; files: OutputFile[] };
  let paths: string[];
  try {
    produced = await produce(options, data, progress, streams.stderr);
    paths = outputs.commit(produced.files);
  } catch (error) {
    outputs.abandon();
    throw error;
  } finally {
    release();
  }
  const about = describeData(produced.result, data);
  streams.stdout.write(`${about}${formatSummaryTable(produced.result)}\n\nWrote:\n`);
  for (const path of paths) streams.stdout.write(`  ${path}\n`);
  const report = paths.find((path) => path.endsWith(reportName))!;
  streams.stdout.write(`\nReport: ${report}\n`);
  if (options.open) {
    const problem = await openInBrowser(report);
    if (problem) streams.stderr.write(`mg-compare: --open: ${problem}\n`);
  }
  return paths;
}

/** Trains (reporting to `progress`), then renders the chart and serialises the data in memory. */
async function produce(
  options: CliOptions,
  data: CsvDataset | undefined,
  progress: ProgressReporter,
  stderr: ProgressStream,
): Promise<{ result: ComparisonResult; files: OutputFile[] }> {
  const {
    out: _out,
    open: _open,
    scale,
    data: _path,
    target: _target,
    dataset: name,
    ...config
  } = options;
  const dataset: string | ComparisonDataset | undefined = data ?? name;
  let result: ComparisonResult;
  try {
    result = await runComparison({
      ...config,
      ...(dataset === undefined ? {} : { dataset }),
      onProgress: (event) => progress.update(event),
    });
  } finally {
    progress.stop();
  }

  const spec = styleSpec(toVegaLiteSpec(result, scale ? { ...chartSize, scale } : chartSize));
  const gridSpec = styleSpec(toSmallMultiplesSpec(result, scale ? { scale } : {}));
  const boundariesSpec = hasDecisionSurface(result)
    ? styleSpec(toDecisionBoundariesSpec(result))
    : undefined;
  const figures: [string, Record<string, unknown> | undefined][] = [
    [outputBaseName, spec],
    [gridBaseName, gridSpec],
    [boundariesBaseName, boundariesSpec],
  ];
  const images: OutputFile[] = [];
  for (const [name, figure] of figures) {
    if (!figure) continue;
    const chart = await renderChart(figure);
    for (const warning of chart.warnings) stderr.write(`mg-compare: ${name}: ${warning}\n`);
    images.push(
      { name: `${name}.png`, contents: chart.png },
      { name: `${name}.svg`, contents: chart.svg },
    );
  }
  const interactive = styleSpec(
    toVegaLiteSpec(result, { ...chartSize, ...(scale ? { scale } : {}), interactive: true }),
  );
  const files = [
    ...images,
    // Compact like the JSON: the spec holds every point inline (~11,000 for a default run).
    { name: `${outputBaseName}.vl.json`, contents: `${JSON.stringify(spec)}\n` },
    { name: `${outputBaseName}.csv`, contents: toCsv(result) },
    { name: `${outputBaseName}.json`, contents: toJson(result) },
    {
      name: reportName,
      contents: reportHtml(result, {
        overlay: interactive,
        grid: gridSpec,
        ...(boundariesSpec ? { boundaries: boundariesSpec } : {}),
      }),
    },
  ];
  return { result, files };
}
