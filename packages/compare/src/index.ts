export type {
  ComparisonDataset,
  DatasetDefinition,
  NamedDataset,
} from './datasets/dataset-definition';
export { datasetNames, makeDataset } from './datasets/index';
export { ComparisonError, UnknownDatasetError } from './errors';
export { palette } from './palette';
export {
  defaultLayers,
  defaultThreads,
  defaultThresholdPerSample,
} from './resolve-config';
export { runComparison } from './run-comparison';
export type { Band } from './summarize';
export { band, summarize } from './summarize';
export { toCsv } from './to-csv';
export { toJson } from './to-json';
export type { LossScale, VegaLiteSpecOptions } from './to-vega-lite-spec';
export { defaultScale, toVegaLiteSpec } from './to-vega-lite-spec';
export type {
  ActivationSummary,
  ComparisonConfig,
  ComparisonProgress,
  ComparisonResult,
  ComparisonRun,
  ResolvedComparisonConfig,
} from './types';
