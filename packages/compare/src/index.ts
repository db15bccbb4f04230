// Everything of the browser-safe entry (`@mg/compare/browser`), plus what needs Node: the worker
// pool behind `runComparison` and the thread defaults from `node:os`.
export * from './browser';
export {
  defaultLayers,
  defaultThreads,
  defaultThresholdPerSample,
} from './resolve-config';
export { runComparison } from './run-comparison';
