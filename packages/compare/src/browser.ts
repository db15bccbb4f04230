// The browser-safe part of @mg/compare: no Node built-ins, no worker pool, no files.
// `@mg/compare` (src/index.ts) re-exports all of it and adds the Node-only `runComparison`.

export type { CsvDataset, CsvDatasetOptions } from './csv-dataset';
export { datasetFromCsv, maxCsvColumns, maxCsvRows, minCsvRows } from './csv-dataset';
export type {
  ComparisonDataset,
  DatasetDefinition,
  DatasetOptions,
  NamedDataset,
} from './datasets/dataset-definition';
export { datasetDefaults, datasetNames, makeDataset, maxSamples } from './datasets/index';
export type { DecisionSurface } from './decision-surface';
export { decisionSurface, hasDecisionSurface, planeBounds } from './decision-surface';
/** The most epochs a run trains (nn's limit: the loss history must fit in memory). */
export { maxEpochs } from './dependencies';
export type { DataFileErrorDetails, DataFileProblem } from './errors';
export { ComparisonError, DataFileError, UnknownDatasetError } from './errors';
export type { LayerActivations } from './layer-activations';
export { parseLayerActivations } from './layer-activations';
export type { LossAxis } from './loss-axis';
export { formatLoss, formatPowerOfTen, lossAxis } from './loss-axis';
export { colours, contextGrey, palette, pointColours, surfaceScale } from './palette';
export type { ThreadCosts, ThreadPlan, ThreadWorkload } from './plan-threads';
export { parameterCount, planThreads, threadCosts } from './plan-threads';
export type { Rows, Split } from './split-dataset';
export { splitDataset } from './split-dataset';
export type { Standardization } from './standardize';
export { fitStandardization, standardizeRows } from './standardize';
export type { Band } from './summarize';
export { band, rankingLoss, rankSummaries, summarize } from './summarize';
export type { TaskName, TaskOption } from './task';
export { resolveTask, taskOptions } from './task';
export { toCsv } from './to-csv';
export type { DecisionBoundariesSpecOptions } from './to-decision-boundaries-spec';
export {
  decisionBoundariesSpecOptionKeys,
  toDecisionBoundariesSpec,
} from './to-decision-boundaries-spec';
export { toJson } from './to-json';
export type { SmallMultiplesSpecOptions } from './to-small-multiples-spec';
export { smallMultiplesSpecOptionKeys, toSmallMultiplesSpec } from './to-small-multiples-spec';
export type { LossScale, VegaLiteSpecOptions } from './to-vega-lite-spec';
export { defaultScale, toVegaLiteSpec, vegaLiteSpecOptionKeys } from './to-vega-lite-spec';
export { trainedNetwork } from './trained-network';
export type {
  AccuracySummary,
  ActivationSummary,
  ComparisonConfig,
  ComparisonProgress,
  ComparisonResult,
  ComparisonRun,
  ComparisonSetup,
  ResolvedComparisonConfig,
  ResolvedTraining,
  ValidationSummary,
} from './types';
