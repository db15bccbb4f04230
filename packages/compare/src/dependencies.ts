// The names @mg/compare takes from its sibling packages, imported here and only here (types may
// come straight from them). Built, this module lands in the chunk that both ES module entries
// share, so `import '@mg/compare'` resolves @mg/engine, @mg/activations and @mg/nn once, from the
// chunk, and not a second time from dist/index.js: each resolution of a package name costs Node's
// module loader about a million instructions. (`test/built-entries.test.ts` checks the build.)
export type { ActivationRegistry } from '@mg/activations';
export {
  ActivationArgumentError,
  ActivationError,
  builtinFamilies,
  builtins,
  createRegistry,
  DuplicateActivationError,
  defaultRegistry,
  getActivationFor,
  UnknownActivationError,
} from '@mg/activations';
export {
  checkOptionKeys,
  closestName,
  InvalidArgumentError,
  MicrogradError,
  optionKeys,
  UnknownOptionError,
} from '@mg/engine';
export type { LossName, OptimizerName } from '@mg/nn';
export {
  createEvaluator,
  createTrainer,
  lossNames,
  MLP,
  maxEpochs,
  NetworkError,
  optimizerNames,
} from '@mg/nn';
