// Everything of the browser-safe entry (`@mg/compare/browser`), plus what needs Node: the worker
// pool behind `runComparison` (which reads the cores from `node:os`) and the CSV file reader.
export * from './browser';
export { maxCsvBytes, readCsvDataset } from './read-csv-dataset';
export {
  defaultLayers,
  defaultThresholdPerSample,
  maxRecordedLosses,
  maxSeeds,
} from './resolve-config';
export { runComparison } from './run-comparison';
